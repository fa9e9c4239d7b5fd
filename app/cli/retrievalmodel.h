#pragma once
/// The model of the retrieval commands (index, search, bench retrieval):
/// ModelParams' bundle with --frames applied to the bundle itself, because
/// the frame count is part of what makes embeddings comparable (the model
/// key, see app/retrieval/modelkey.h).
///
///     Expected<ModelBundle> bundle = retrievalBundle(params.model);
///
///     CliSession session(command);
///     if (const int failed = loadRetrievalModel(session, command, params.model))
///         return failed;

#include "app/cli/modelparams.h"

namespace mplug2::app {

class CliSession;

Expected<ModelBundle> retrievalBundle(const ModelParams &model);
/// The exit code for a failed retrievalBundle(): 2 for a usage mistake (bad
/// --frames, --model with --checkpoint), 1 otherwise (no such bundle).
int bundleErrorExitCode(const Error &error);
/// Loads the retrieval model (retrievalBundle() on its device) into
/// `session`. Returns 0 when it is loaded; otherwise the error is printed,
/// prefixed by `command`, and the exit code is returned.
int loadRetrievalModel(CliSession &session, const QString &command, const ModelParams &model);

} // namespace mplug2::app
