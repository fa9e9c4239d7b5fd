#pragma once
/// The options every model-running command shares: which model (`--model
/// BUNDLE`, or `--checkpoint F --vocab V` with optional official configs),
/// where it runs (`--device`, `--precision`), and how it reads the media
/// and generates (`--frames`, `--beam`, lengths, sampling). They are read
/// into a ModelParams.
///
///     QCommandLineParser parser;
///     ModelOptions model;
///     model.addTo(parser);
///     ...parse...
///     Expected<ModelParams> params = model.params(parser);   // an error for bad numbers
///     Expected<ModelBundle> bundle = params->bundle();       // default bundle without options
///     EngineRequest r = ...; params->applyTo(r);

#include "app/cli/modelparams.h"
#include "base/expected.h"

#include <QCommandLineOption>
#include <QCommandLineParser>

#include <optional>

namespace mplug2::app {

class ModelOptions {
public:
    /// `commandKind`: what the command asks of the model (`ask` -> Qa,
    /// `caption` -> Caption); it decides the kind of a bare --checkpoint
    /// when --kind is not given, and a model that cannot do it is refused
    /// before it is loaded.
    explicit ModelOptions(std::optional<ModelKind> commandKind = std::nullopt);
    void addTo(QCommandLineParser &parser) const;
    /// Adds the generation options too (beam, lengths, n-best, sampling).
    void addGenerationTo(QCommandLineParser &parser) const;

    /// The model and where it runs, as given: no numbers are read, so nothing can be wrong yet.
    ModelParams modelChoice(const QCommandLineParser &parser) const;
    /// modelChoice() with --frames and the generation options; an error for bad numbers.
    Expected<ModelParams> params(const QCommandLineParser &parser) const;

private:
    std::optional<ModelKind> m_commandKind;
    QCommandLineOption m_model, m_checkpoint, m_vocab, m_tokenizer, m_kind, m_bertConfig, m_modelConfig,
        m_clipBpe;
    QCommandLineOption m_device, m_precision, m_frames;
    QCommandLineOption m_beam, m_minLength, m_maxLength, m_results, m_decoding, m_temperature, m_topK, m_topP,
        m_seed;
    /// Commands without generation options (classify) must not query them.
    mutable bool m_hasGeneration = false;
};

} // namespace mplug2::app
