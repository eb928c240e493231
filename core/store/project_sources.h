#pragma once

#include <QString>

#include <map>

namespace maillage {

class Store;

// Where the project's data comes from, as maps and exports credit it: publisher, product
// and vintage of each input in the planner's words (e.g. "IGN, ADMIN EXPRESS COG 2018").
// Empty when the project does not say; the credits then name the usual publisher.
struct ProjectSources {
    QString boundaries;
    QString population;
    QString roads;
    std::map<QString, QString> points;  // per point source tag (AccueilPoint::source)
};

// Writes the non-empty entries (an empty one leaves what the project has).
void saveProjectSources(Store& store, const ProjectSources& sources);
// Reads what the project says about its sources, the points' for every source tag in use.
ProjectSources loadProjectSources(const Store& store);

}  // namespace maillage
