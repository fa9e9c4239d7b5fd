#pragma once
/// Reads a list of texts (candidate answers, labels) from a UTF-8 file, one
/// per line; blank lines are skipped, surrounding spaces trimmed. Bounded:
/// at most 10,000 lines of 1,000 characters, files up to 4 MiB.
///
///     Expected<QStringList> answers = readTextList("answers.txt");

#include "base/expected.h"

#include <QString>
#include <QStringList>

namespace mplug2::app {

Expected<QStringList> readTextList(const QString &path);

} // namespace mplug2::app
