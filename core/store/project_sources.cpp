#include "store/project_sources.h"

#include "store/store.h"

#include <set>

namespace maillage {
namespace {

// Settings keys. Changing one breaks existing projects: add a migration instead.
const QString kSourceBoundaries = QStringLiteral("source.boundaries");
const QString kSourcePopulation = QStringLiteral("source.population");
const QString kSourceRoads = QStringLiteral("source.roads");
const QString kSourcePointsPrefix = QStringLiteral("source.points.");

}  // namespace

void saveProjectSources(Store& store, const ProjectSources& sources)
{
    auto save = [&store](const QString& key, const QString& value) {
        if (!value.trimmed().isEmpty()) store.setSetting(key, value.trimmed());
    };
    save(kSourceBoundaries, sources.boundaries);
    save(kSourcePopulation, sources.population);
    save(kSourceRoads, sources.roads);
    for (const auto& [tag, text] : sources.points) save(kSourcePointsPrefix + tag, text);
}

ProjectSources loadProjectSources(const Store& store)
{
    ProjectSources sources;
    loadSettingInto(store, kSourceBoundaries, sources.boundaries);
    loadSettingInto(store, kSourcePopulation, sources.population);
    loadSettingInto(store, kSourceRoads, sources.roads);
    std::set<QString> tags;
    for (const AccueilPoint& point : store.points())
        if (!point.source.isEmpty()) tags.insert(point.source);
    for (const QString& tag : tags)
        if (auto text = store.setting(kSourcePointsPrefix + tag)) sources.points[tag] = *text;
    return sources;
}

}  // namespace maillage
