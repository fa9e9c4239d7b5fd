#include "app/engine/engineerror.h"

namespace mplug2::app {

EngineError EngineError::fromError(RequestId id, const Error &error, const QString &details)
{
    EngineError e;
    e.id = id;
    e.code = error.code;
    const QString text = QString::fromStdString(error.message);
    const qsizetype newline = text.indexOf(u'\n');
    e.message = newline < 0 ? text : text.left(newline);
    e.details = newline < 0 ? QString() : text.mid(newline + 1);
    if (!details.isEmpty())
        e.details = e.details.isEmpty() ? details : e.details + u'\n' + details;
    return e;
}

} // namespace mplug2::app
