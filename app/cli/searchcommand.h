#pragma once
#include <QStringList>

namespace mplug2::app {
/// `mplug2 search --db FILE --text "..." | --like MEDIA [--top K] [--rerank K] [--json]`,
/// and `mplug2 search --media MEDIA --sentences FILE` (rank sentences for a media file).
int runSearchCommand(const QStringList &args);
} // namespace mplug2::app
