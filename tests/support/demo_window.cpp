#include "support/demo_window.h"

#include <catch2/catch.hpp>

#include <QCoreApplication>
#include <QFile>
#include <QTest>

namespace maillage::test {

QString demoTemplate()
{
    static ScratchDir folder;
    static QString path;
    if (path.isEmpty()) {
        gui::MainWindow window;
        window.setInteractive(false);
        window.openDemo(folder.path(QStringLiteral("demo-04.gpkg")));
        REQUIRE(QTest::qWaitFor([&] { return !window.isBusy(); }, kLoadTimeoutMs));
        INFO(window.lastError().toStdString());
        REQUIRE(window.project() != nullptr);
        path = window.project()->path();
    }
    return path;
}

DemoWindowBase::DemoWindowBase()
{
    const QString copy = folder.path(QStringLiteral("04.gpkg"));
    REQUIRE(QFile::copy(demoTemplate(), copy));
    window.setInteractive(false);
    window.resize(1500, 950);
    window.show();
    REQUIRE(QTest::qWaitForWindowExposed(&window));
    window.openProject(copy);
    REQUIRE(QTest::qWaitFor([&] { return !window.isBusy(); }, kLoadTimeoutMs));
    INFO(window.lastError().toStdString());
    REQUIRE(window.project() != nullptr);
    REQUIRE(window.coverage() != nullptr);
}

void DemoWindowBase::zoomAround(XY p, double halfWidthMetres)
{
    BBox box;
    box.expand(XY{p.x - halfWidthMetres, p.y - halfWidthMetres});
    box.expand(XY{p.x + halfWidthMetres, p.y + halfWidthMetres});
    canvas().zoomToExtent(box);
    QCoreApplication::processEvents();
}

QPoint DemoWindowBase::screen(XY p) { return canvas().view().toScreen(p).toPoint(); }

}  // namespace maillage::test
