#pragma once
// Shared by the retrieval benchmarks (retrievalbench.cpp, catalogbench.cpp):
// synthetic embeddings, CPU clocks, percentiles and query timing.
#include "app/retrieval/vectorindex.h"

#include <QList>
#include <QRandomGenerator>

#include <vector>

namespace mplug2::app::benchsupport {

/// Unit vectors scattered around `clusters` random centres: real image
/// embeddings cluster by content, and uniform random vectors would make
/// every neighbour equally far (an unfair test for any ANN method).
std::vector<float> clusteredVectors(qint64 n, int dim, int clusters, QRandomGenerator &rng, double spread);
/// CPU seconds of the whole process so far.
double cpuSeconds();
/// CPU time of this thread: on a shared machine the wall time of one query
/// mostly measures how long the scheduler kept it waiting.
double threadCpuMs();
double percentile(std::vector<double> values, double p);

struct Timing {
    double p50Ms = 0;
    double p95Ms = 0;
    double cpuMeanMs = 0;
};

/// Times `count` queries (rows of `queries`) against `index`, keeping the hits in `results` when given.
Timing timeQueries(const VectorIndex &index, const std::vector<float> &queries, int count, int dim, int k,
    QList<QList<VectorHit>> *results, bool exact);

} // namespace mplug2::app::benchsupport
