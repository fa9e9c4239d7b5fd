#pragma once
/// Why a request or a model load failed, for people: a one-line message that
/// says what went wrong and what to do, and details (file names, shapes, the
/// library's own words) shown on demand.
///
///     handle.then(this, [this](const RequestOutcome &o) {
///         if (!o.isFailed()) return;
///         const EngineError &e = *o.error;
///         statusBar()->showMessage(e.message);
///         if (e.suggestCpu) offerCpuFallback();
///     });

#include "app/engine/enginerequest.h"
#include "base/expected.h"

#include <QMetaType>
#include <QString>

namespace mplug2::app {

struct EngineError {
    RequestId id = 0;
    ErrorCode code = ErrorCode::Internal;
    QString message;
    QString details;
    /// A CUDA device ran out of memory: cached blocks were freed; loading the
    /// model on the CPU (or a smaller precision, fewer frames) would work.
    bool suggestCpu = false;

    static EngineError fromError(RequestId id, const Error &error, const QString &details = {});
};

} // namespace mplug2::app

Q_DECLARE_METATYPE(mplug2::app::EngineError)
