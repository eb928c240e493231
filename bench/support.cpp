#include "support.h"

#include <algorithm>
#include <cmath>
#include <ctime>

namespace maillage::bench {

double processCpuMs()
{
    timespec now{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
    return now.tv_sec * 1e3 + now.tv_nsec / 1e6;
}

double threadCpuMs()
{
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return now.tv_sec * 1e3 + now.tv_nsec / 1e6;
}

double median(std::vector<double> values)
{
    if (values.empty()) return 0.0;
    std::sort(values.begin(), values.end());
    const std::size_t n = values.size();
    return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2.0;
}

NetworkInput densify(const NetworkInput& in, double pieceMetres)
{
    NetworkInput out;
    out.sourceFile = in.sourceFile + QStringLiteral(" (densified)");
    out.nodes = in.nodes;
    out.refs = in.refs;
    for (const NetworkEdge& edge : in.edges) {
        const std::vector<XY> shape(in.shape.begin() + edge.shapeBegin, in.shape.begin() + edge.shapeEnd);
        std::vector<double> along{0.0};
        for (std::size_t i = 1; i < shape.size(); ++i)
            along.push_back(along.back() + std::hypot(shape[i].x - shape[i - 1].x, shape[i].y - shape[i - 1].y));
        const double length = along.back();
        const int pieces = std::max(1, int(std::ceil(length / pieceMetres)));
        std::uint32_t previous = edge.from;
        std::size_t segment = 1;
        for (int k = 1; k <= pieces; ++k) {
            std::uint32_t node = edge.to;
            if (k < pieces) {
                const double target = length * k / pieces;
                while (segment + 1 < shape.size() && along[segment] < target) ++segment;
                const double span = along[segment] - along[segment - 1];
                const double t = span > 0 ? (target - along[segment - 1]) / span : 0.0;
                node = std::uint32_t(out.nodes.size());
                out.nodes.push_back({shape[segment - 1].x + t * (shape[segment].x - shape[segment - 1].x),
                                     shape[segment - 1].y + t * (shape[segment].y - shape[segment - 1].y)});
            }
            NetworkEdge piece = edge;
            piece.from = previous;
            piece.to = node;
            piece.metres = edge.metres / pieces;
            piece.seconds = edge.seconds / pieces;
            piece.shapeBegin = std::uint32_t(out.shape.size());
            out.shape.push_back(out.nodes[previous]);
            out.shape.push_back(out.nodes[node]);
            piece.shapeEnd = std::uint32_t(out.shape.size());
            out.edges.push_back(piece);
            previous = node;
        }
    }
    return out;
}

}  // namespace maillage::bench
