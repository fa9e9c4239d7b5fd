#pragma once
#include <QStringList>

namespace mplug2::app {
/// `mplug2 bench retrieval`: vector search latency (exact and ANN) and ANN
/// recall@k on synthetic clustered embeddings of 10k and 100k items, and,
/// with --index-folder, indexing throughput (files/s, CPU seconds per file)
/// with a real model.
int runRetrievalBench(const QStringList &args);
} // namespace mplug2::app
