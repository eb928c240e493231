#include "project/full_coverage.h"

#include "project/loaded_project.h"
#include "project/project_settings.h"

#include <QFileInfo>

#include <future>

namespace maillage {

CoverageExport FullCoverage::exportData(const CoverageContext& context, RunDescription run) const
{
    return {.context = &context,
            .result = &result,
            .points = points,
            .referrals = referrals,
            .accessTable = &access,
            .run = std::move(run)};
}

AccessTable accessFromEpciSeats(const CoverageContext& context, const std::vector<AccueilPoint>& points)
{
    return computeAccessTable(context.engine(), epciSeatOrigins(context.territory(), context.townHalls()),
                              defaultAccessColumns(points), points);
}

FullCoverage runFullCoverage(const CoverageContext& context, std::vector<AccueilPoint> points,
                             const std::vector<AccueilPoint>& levelPoints, const CoverageOptions& options)
{
    FullCoverage run;
    run.points = std::move(points);
    run.result = computeCoverage(context, levelPoints, options);
    // The referrals and the access table are independent: with two threads or more the table is
    // made on a second one (the engine's searches for tables may run at once).
    const auto makeAccessTable = [&] { return accessFromEpciSeats(context, run.points); };
    std::future<AccessTable> accessAlongside;
    if (options.threads > 1) accessAlongside = std::async(std::launch::async, makeAccessTable);
    run.referrals = computeReferrals(context.engine(), run.points, options.thresholdMinutes);
    run.access = accessAlongside.valid() ? accessAlongside.get() : makeAccessTable();
    return run;
}

PopulationCoverage populationBeyondBy(PopulationMethod method, const ProjectInputs& inputs, const CoverageContext& context,
                                      const CoverageResult& result)
{
    const PopulationPlacement placement =
        method == context.placement().method()
            ? context.placement()
            : PopulationPlacement::build(context.territory(), context.grid(), context.cellLinks(),
                                         placementOptionsFor(inputs, method));
    return computePopulationCoverage(context.territory(), context.grid(), placement, result.surface.minutes,
                                     result.townHallTimes.minutes, context.townHalls(), result.options.thresholdMinutes);
}

QString pointSetDescription(const QString& scenario, bool includePlanned)
{
    if (!scenario.isEmpty()) return QStringLiteral("scenario %1").arg(scenario);
    return includePlanned ? QStringLiteral("existing and planned points") : QStringLiteral("existing points");
}

RunDescription runDescription(const QString& projectFile, const LoadedProject& project, const QString& pointSet)
{
    RunDescription description;
    description.project = QFileInfo(projectFile).absoluteFilePath();
    description.network = QFileInfo(project.network.path).absoluteFilePath();
    description.profile = project.profile.name;
    description.pointSet = pointSet;
    return description;
}

void saveAccessTable(Store& store, const AccessTable& access)
{
    const AccessTableText text = accessTableText(access);
    std::vector<Store::ResultColumn> columns;
    for (int c = 0; c < text.header.size(); ++c) columns.push_back({text.header[c], text.numeric[c]});
    store.writeResultTable(QStringLiteral("access_epci_seats"),
                           QStringLiteral("Nearest accueil point of each kind from each EPCI seat (last coverage run)"),
                           columns, text.rows);
}

AccueilPoint plannedPointFor(const SuggestedSite& site, Level level, const QString& kind, const QString& kindLabel,
                             const QString& notes)
{
    AccueilPoint point = site.point;
    point.id = 0;
    point.name = QStringLiteral("%1 – %2").arg(kindLabel, site.point.name);
    point.level = level;
    point.kind = kind;
    point.status = PointStatus::Planned;
    point.weeklyHours.reset();
    point.openingHours.clear();
    point.communeInsee = site.communeInsee;
    point.source = QStringLiteral("maillage-suggest");
    point.sourceId = site.point.id > 0 ? QString::number(site.point.id) : QString();
    point.notes = notes;
    return point;
}

}  // namespace maillage
