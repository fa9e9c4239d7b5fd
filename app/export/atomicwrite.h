#pragma once
/// Writes a whole file through QSaveFile: the bytes go to a temporary file
/// that replaces `path` only when everything was written, so an interrupted
/// or failed export never leaves a truncated file (or destroys the old one).
///
///     if (Expected<void> ok = writeFileAtomically(path, bytes); !ok) return ok.error();

#include "base/expected.h"

#include <QByteArray>
#include <QString>

namespace mplug2::app {

Expected<void> writeFileAtomically(const QString &path, const QByteArray &bytes);

} // namespace mplug2::app
