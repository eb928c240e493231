#include "support/demo_window.h"

#include <catch2/catch.hpp>

#include "coverage/network_engine.h"
#include "geo/crs.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QMouseEvent>
#include <QProcess>
#include <QTest>

namespace maillage::test {

int cliExitCode(const QStringList& arguments)
{
    QProcess process;
    process.start(cliPath(), arguments);
    REQUIRE(process.waitForFinished(120'000));
    INFO(process.readAllStandardError().toStdString());
    return process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
}

void sendMouse(QWidget& widget, QEvent::Type type, QPoint at, Qt::MouseButtons buttons)
{
    QMouseEvent event(type, QPointF(at), widget.mapToGlobal(QPointF(at)),
                      type == QEvent::MouseMove ? Qt::NoButton : Qt::LeftButton, buttons, Qt::NoModifier);
    QApplication::sendEvent(&widget, &event);
}

int mostPopulatedCommuneBeyond(const CoverageResult& result)
{
    int best = -1;
    for (const CommuneCoverage& c : result.population.communes)
        if (c.townHallBeyond && c.townHallKnown && (best < 0 || c.population > result.population.communes[best].population))
            best = c.commune;
    return best;
}

void processEventsFor(int ms)
{
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < ms) QApplication::processEvents(QEventLoop::AllEvents, 20);
}

MessageBoxAnswer::MessageBoxAnswer(std::function<void(QMessageBox&)> answer)
{
    QObject::connect(&timer_, &QTimer::timeout, [this, answer = std::move(answer)] {
        auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
        if (!box || !box->isVisible()) return;
        timer_.stop();
        answered_ = true;
        answer(*box);
    });
    timer_.start(50);
}

void saveShot(QWidget& widget, const QString& name)
{
    const QByteArray folder = qgetenv("MAILLAGE_SCREENSHOTS");
    if (folder.isEmpty()) return;
    widget.show();
    QCoreApplication::processEvents();
    widget.grab().save(QDir(QString::fromLocal8Bit(folder)).filePath(name));
}

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

std::optional<XY> DemoWindowBase::placeBeyondSnapLimit()
{
    const GraphTravelEngine& engine = *project().data().engine;
    const XY around = toLambert93(LonLat{6.542, 44.186});
    for (int step = 0; step < 400; ++step) {
        const XY candidate{around.x + 1000.0 * (step % 20 - 10), around.y + 1000.0 * (step / 20 - 10)};
        if (project().territory().communeAt(candidate) && !engine.snapper().snap(candidate, engine.snapOptions()).ok())
            return candidate;
    }
    return std::nullopt;
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
