#pragma once
/// `mplug2 tokenize` and `mplug2 detokenize`, each as params + parse + run:
/// parsing (testable without a process) gives the parameters or a CliStop.
///
///     const CliParsed<TokenizeParams> parsed = parseTokenizeParams(args);
///     if (const auto *stop = std::get_if<CliStop>(&parsed)) return printStop(*stop, args.value(0));
///     return runTokenize(std::get<TokenizeParams>(parsed), args.value(0));

#include "app/cli/commandlineparsing.h"
#include "model/text/tokenizer.h"

#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace mplug2::app {

struct TokenizerParams {
    model::text::TokenizerKind kind = model::text::TokenizerKind::WordPiece;
    QString vocab; ///< "" = the bundled BERT vocabulary (wordpiece only)
    bool json = false;
    bool operator==(const TokenizerParams &other) const = default;
};

struct TokenizeParams {
    TokenizerParams tokenizer;
    std::optional<int> maxLength; ///< ids kept, special tokens included
    bool addSpecialTokens = true;
    QStringList texts; ///< none: each line of standard input
    bool operator==(const TokenizeParams &other) const = default;
};

struct DetokenizeParams {
    TokenizerParams tokenizer;
    std::vector<int64_t> ids;
    bool skipSpecialTokens = false;
    bool cleanUpSpaces = true;
    bool operator==(const DetokenizeParams &other) const = default;
};

/// `mplug2 tokenize [--kind K] [--vocab FILE] [--max-length N] [--no-special] [--json] [--] TEXT...`:
/// ids and tokens of each text (or of each line of standard input).
CliParsed<TokenizeParams> parseTokenizeParams(const QStringList &args);
int runTokenize(const TokenizeParams &params, const QString &command);
int runTokenizeCommand(const QStringList &args);

/// `mplug2 detokenize [--kind K] [--vocab FILE] [--skip-special] [--no-cleanup] [--json] [--] IDS...`:
/// the text of a list of ids.
CliParsed<DetokenizeParams> parseDetokenizeParams(const QStringList &args);
int runDetokenize(const DetokenizeParams &params, const QString &command);
int runDetokenizeCommand(const QStringList &args);

} // namespace mplug2::app
