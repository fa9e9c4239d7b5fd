#pragma once
#include <QStringList>

namespace mplug2::app {
/// `mplug2 tokenize [--kind K] [--vocab FILE] [--max-length N] [--no-special] [--json] [--] TEXT...`:
/// ids and tokens of each text (or of each line of standard input).
int runTokenizeCommand(const QStringList &args);
/// `mplug2 detokenize [--kind K] [--vocab FILE] [--skip-special] [--no-cleanup] [--json] [--] IDS...`:
/// the text of a list of ids.
int runDetokenizeCommand(const QStringList &args);
} // namespace mplug2::app
