#include "planning/road_closures.h"

#include "network/snapping.h"

#include <QHash>
#include <QRegularExpression>

#include <algorithm>
#include <cmath>
#include <memory>

namespace maillage {

namespace {

QString withoutLeadingZeros(const QString& digits)
{
    qsizetype i = 0;
    while (i + 1 < digits.size() && digits[i] == QLatin1Char('0')) ++i;
    return digits.mid(i);
}

// Distance from p to the segment [a, b].
double segmentDistance(XY p, XY a, XY b)
{
    const double dx = b.x - a.x, dy = b.y - a.y;
    const double lengthSquared = dx * dx + dy * dy;
    double t = lengthSquared > 0.0 ? ((p.x - a.x) * dx + (p.y - a.y) * dy) / lengthSquared : 0.0;
    t = std::clamp(t, 0.0, 1.0);
    return std::hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy));
}

double edgeDistance(const RoadGraph& graph, EdgeId edge, XY p)
{
    const RoadGraph::Shape shape = graph.edgeShape(edge);
    double best = std::hypot(p.x - shape[0].x, p.y - shape[0].y);
    for (std::size_t i = 1; i < shape.size(); ++i) best = std::min(best, segmentDistance(p, shape[i - 1], shape[i]));
    return best;
}

QString kmText(double metres) { return QString::number(metres / 1000.0, 'f', metres < 10'000.0 ? 1 : 0); }

}  // namespace

QString describeRoadClosure(const RoadClosure& closure)
{
    QString label;
    switch (closure.method) {
    case ClosureMethod::Ref:
        label = closure.ref.trimmed();
        if (closure.centre)
            label += QStringLiteral(" within %1 km of (%2, %3)")
                         .arg(kmText(closure.radiusMetres))
                         .arg(closure.centre->x, 0, 'f', 0)
                         .arg(closure.centre->y, 0, 'f', 0);
        break;
    case ClosureMethod::Position:
        label = closure.centre ? QStringLiteral("the road nearest to (%1, %2)")
                                     .arg(closure.centre->x, 0, 'f', 0)
                                     .arg(closure.centre->y, 0, 'f', 0)
                               : QStringLiteral("a road at no position");
        break;
    case ClosureMethod::Edge:
        label = closure.edge ? QStringLiteral("edge %1").arg(*closure.edge) : QStringLiteral("no edge");
        break;
    }
    if (!closure.note.isEmpty()) label += QStringLiteral(" (%1)").arg(closure.note);
    return label;
}

namespace {

constexpr double kPositionSnapMetres = 1000.0;

}  // namespace

QString canonicalRoadRef(const QString& ref)
{
    QString text = ref.toUpper();
    text.remove(QRegularExpression(QStringLiteral("\\s")));
    // TravelMapping departmental (D) and metropolitan (M) roads: letter, 4-digit number,
    // optional suffix letter, département ("04", "2A"), optional city suffix.
    static const QRegularExpression travelMapping(QStringLiteral("^([DM])(\\d{4})([A-Z]?)(\\d{2}|2A|2B)([A-Z]*)$"));
    if (const auto match = travelMapping.match(text); match.hasMatch())
        return match.captured(1) + withoutLeadingZeros(match.captured(2)) + match.captured(3) + match.captured(5);
    static const QRegularExpression plain(QStringLiteral("^([A-Z]+)(\\d+)(.*)$"));
    if (const auto match = plain.match(text); match.hasMatch())
        return match.captured(1) + withoutLeadingZeros(match.captured(2)) + match.captured(3);
    return text;
}

bool roadRefMatches(const QString& wanted, const QString& stored)
{
    if (stored.isEmpty() || wanted.trimmed().isEmpty()) return false;
    if (stored.compare(wanted.trimmed(), Qt::CaseInsensitive) == 0) return true;
    return canonicalRoadRef(stored) == canonicalRoadRef(wanted);
}

namespace {

// The edges bearing the closure's road reference, only those passing within its radius of its
// centre when it has one.
void findByRef(const RoadGraph& graph, const RoadClosure& closure, ResolvedClosure& r)
{
    // Compare each distinct reference once, not once per edge.
    QHash<QString, bool> matches;
    for (EdgeId e = 0; e < graph.edgeCount(); ++e) {
        const QString& ref = graph.edgeRef(e);
        if (ref.isEmpty()) continue;
        auto known = matches.find(ref);
        if (known == matches.end()) known = matches.insert(ref, roadRefMatches(closure.ref, ref));
        if (!known.value()) continue;
        if (closure.centre && edgeDistance(graph, e, *closure.centre) > closure.radiusMetres) continue;
        r.edges.push_back(e);
    }
    if (r.edges.empty())
        r.problem = closure.centre ? QStringLiteral("no road %1 within %2 km of that place")
                                         .arg(closure.ref.trimmed(), kmText(closure.radiusMetres))
                                   : QStringLiteral("no road %1 in the network").arg(closure.ref.trimmed());
}

// The snapper of the closures by position: the one given, else one built for the first of
// them and kept for the others; building it indexes the whole network, so not when no closure
// needs it.
class PositionSnapper {
public:
    PositionSnapper(const RoadGraph& graph, const Snapper* given) : graph_(&graph), snapper_(given) {}
    const Snapper& get()
    {
        if (!snapper_) {
            own_ = std::make_unique<Snapper>(*graph_);
            snapper_ = own_.get();
        }
        return *snapper_;
    }

private:
    const RoadGraph* graph_;
    const Snapper* snapper_;
    std::unique_ptr<Snapper> own_;
};

// The edge nearest to the closure's centre, within kPositionSnapMetres.
void findByPosition(PositionSnapper& snapper, const RoadClosure& closure, ResolvedClosure& r)
{
    if (!closure.centre) {
        r.problem = QStringLiteral("no position given");
        return;
    }
    SnapOptions options;
    options.maxSnapMetres = kPositionSnapMetres;
    const Snap snap = snapper.get().snap(*closure.centre, options);
    if (snap.ok()) r.edges.push_back(snap.edge);
    else r.problem = QStringLiteral("no open road within %1 km of that place").arg(kmText(kPositionSnapMetres));
}

// The closure's edge id, when the graph has it.
void findByEdge(const RoadGraph& graph, const RoadClosure& closure, ResolvedClosure& r)
{
    if (!closure.edge) r.problem = QStringLiteral("no edge id given");
    else if (*closure.edge >= graph.edgeCount())
        r.problem = QStringLiteral(
                        "the network has no edge %1 (it has %2; edge ids change when the network "
                        "is rebuilt: close roads by reference or position instead)")
                        .arg(*closure.edge)
                        .arg(graph.edgeCount());
    else r.edges.push_back(*closure.edge);
}

// The km of the edges found, and the description: the closure, then what it closes or why
// it closes nothing.
void describeResolved(const RoadGraph& graph, ResolvedClosure& r)
{
    for (EdgeId e : r.edges) r.km += graph.edgeMetres(e) / 1000.0;
    r.description = describeRoadClosure(r.closure);
    if (r.problem.isEmpty())
        r.description += QStringLiteral(": %1 edge%2, %3 km")
                             .arg(r.edges.size())
                             .arg(r.edges.size() == 1 ? QString() : QStringLiteral("s"))
                             .arg(r.km, 0, 'f', 1);
    else r.description += QStringLiteral(": ") + r.problem;
}

}  // namespace

std::vector<ResolvedClosure> resolveRoadClosures(const RoadGraph& graph, std::span<const RoadClosure> closures,
                                                 const Snapper* snapper)
{
    PositionSnapper positionSnapper(graph, snapper);
    std::vector<ResolvedClosure> resolved;
    resolved.reserve(closures.size());
    for (const RoadClosure& closure : closures) {
        ResolvedClosure r;
        r.closure = closure;
        switch (closure.method) {
        case ClosureMethod::Ref: findByRef(graph, closure, r); break;
        case ClosureMethod::Position: findByPosition(positionSnapper, closure, r); break;
        case ClosureMethod::Edge: findByEdge(graph, closure, r); break;
        }
        describeResolved(graph, r);
        resolved.push_back(std::move(r));
    }
    return resolved;
}

ScopedRoadClosures::ScopedRoadClosures(RoadGraph& graph, std::span<const ResolvedClosure> closures) : graph_(&graph)
{
    for (const ResolvedClosure& closure : closures)
        for (EdgeId e : closure.edges) {
            if (graph.isEdgeClosed(e)) continue;
            graph.setEdgeClosed(e, true);
            closed_.push_back(e);
        }
}

ScopedRoadClosures::~ScopedRoadClosures()
{
    for (EdgeId e : closed_) graph_->setEdgeClosed(e, false);
}

}  // namespace maillage
