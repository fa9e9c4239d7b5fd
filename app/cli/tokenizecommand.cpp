#include "app/cli/tokenizecommand.h"

#include "app/bundle/bundledresources.h"
#include "app/cli/commandlineparsing.h"
#include "model/text/tokenizer.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTextStream>

#include <cstdio>
#include <iostream>

namespace mplug2::app {

namespace {

using model::text::TokenId;

struct TokenizeCommandText {
    Q_DECLARE_TR_FUNCTIONS(TokenizeCommand)
};

struct TokenizerOptions {
    QCommandLineOption kind {QStringLiteral("kind"),
        TokenizeCommandText::tr("Tokenizer: wordpiece (default), sentencepiece or clip."),
        QStringLiteral("kind"), QStringLiteral("wordpiece")};
    QCommandLineOption vocab {QStringLiteral("vocab"),
        TokenizeCommandText::tr("Vocabulary: vocab.txt for wordpiece (default: the bundled BERT vocabulary), "
                                "a .model for sentencepiece, bpe_simple_vocab_16e6.txt.gz for clip."),
        QStringLiteral("file")};
    QCommandLineOption json {
        QStringLiteral("json"), TokenizeCommandText::tr("Print one JSON object per line.")};

    void addTo(QCommandLineParser &parser) const { parser.addOptions({kind, vocab, json}); }
};

void printError(const QString &command, const QString &message)
{
    QTextStream(stderr) << command << ": " << message << '\n';
}

/// The tokenizer options as parameters; a usage stop for an unknown --kind.
std::variant<TokenizerParams, CliStop> tokenizerParams(
    const QCommandLineParser &parser, const TokenizerOptions &o)
{
    const auto kind = model::text::parseTokenizerKind(parser.value(o.kind).toStdString());
    if (!kind)
        return usageStop(QString::fromStdString(kind.error().message));
    return TokenizerParams {*kind, parser.value(o.vocab), parser.isSet(o.json)};
}

// Loads the tokenizer the parameters ask for; prints the reason and returns
// nullptr when it cannot. `exitCode` is 2 for usage errors, 1 otherwise.
std::unique_ptr<model::text::Tokenizer> openTokenizer(
    const TokenizerParams &p, const QString &command, int &exitCode)
{
    exitCode = 2;
    QString file = p.vocab;
    if (file.isEmpty() && p.kind == model::text::TokenizerKind::WordPiece) {
        file = BundledResources::vocabulary();
        if (file.isEmpty()) {
            printError(command,
                TokenizeCommandText::tr("the bundled BERT vocabulary was not found; pass --vocab FILE"));
            return nullptr;
        }
    }
    if (file.isEmpty()) {
        printError(command,
            TokenizeCommandText::tr("--kind %1 needs --vocab FILE")
                .arg(QString::fromLatin1(model::text::tokenizerKindName(p.kind))));
        return nullptr;
    }
    auto tok = model::text::loadTokenizer(p.kind, file.toStdString());
    if (!tok) {
        exitCode = 1;
        printError(command, QString::fromStdString(tok.error().message));
        return nullptr;
    }
    return std::move(*tok);
}

QJsonArray toJson(const std::vector<TokenId> &ids)
{
    QJsonArray array;
    for (const TokenId id : ids)
        array.append(static_cast<qint64>(id));
    return array;
}

void writeLine(const QByteArray &line)
{
    std::fwrite(line.constData(), 1, static_cast<std::size_t>(line.size()), stdout);
    std::fputc('\n', stdout);
}

} // namespace

CliParsed<TokenizeParams> parseTokenizeParams(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(TokenizeCommandText::tr(
        "Print the token ids and tokens of each TEXT (or of each line of standard input), as the model "
        "receives them: the official BERT tokenizer gives [CLS] + tokens, without [SEP]."));
    parser.addHelpOption();
    const TokenizerOptions o;
    o.addTo(parser);
    const QCommandLineOption maxLength(QStringLiteral("max-length"),
        TokenizeCommandText::tr("Keep at most N ids (special tokens included)."), QStringLiteral("n"));
    const QCommandLineOption noSpecial(
        QStringLiteral("no-special"), TokenizeCommandText::tr("Do not add the start (and end) tokens."));
    parser.addOptions({maxLength, noSpecial});
    parser.addPositionalArgument(QStringLiteral("text"), TokenizeCommandText::tr("Texts to tokenize."),
        QStringLiteral("[--] TEXT..."));
    if (const std::optional<CliStop> stop = parseOrStop(parser, args))
        return *stop;

    TokenizeParams p;
    p.addSpecialTokens = !parser.isSet(noSpecial);
    if (parser.isSet(maxLength)) {
        bool ok = false;
        const int n = parser.value(maxLength).toInt(&ok);
        if (!ok || n < 1)
            return usageStop(TokenizeCommandText::tr("--max-length must be a positive whole number"));
        p.maxLength = n;
    }
    const std::variant<TokenizerParams, CliStop> tokenizer = tokenizerParams(parser, o);
    if (const auto *stop = std::get_if<CliStop>(&tokenizer))
        return *stop;
    p.tokenizer = std::get<TokenizerParams>(tokenizer);
    p.texts = parser.positionalArguments();
    return p;
}

int runTokenize(const TokenizeParams &p, const QString &command)
{
    model::text::EncodeOptions options;
    options.addSpecialTokens = p.addSpecialTokens;
    if (p.maxLength)
        options.maxLength = static_cast<std::size_t>(*p.maxLength);
    int exitCode = 0;
    const auto tok = openTokenizer(p.tokenizer, command, exitCode);
    if (!tok)
        return exitCode;

    const auto printOne = [&](const std::string &text) {
        const std::vector<TokenId> ids = tok->encode(text, options);
        QStringList tokens;
        for (const TokenId id : ids)
            tokens << QString::fromStdString(tok->idToToken(id));
        if (p.tokenizer.json) {
            const QJsonObject obj {{QStringLiteral("text"), QString::fromStdString(text)},
                {QStringLiteral("ids"), toJson(ids)},
                {QStringLiteral("tokens"), QJsonArray::fromStringList(tokens)}};
            writeLine(QJsonDocument(obj).toJson(QJsonDocument::Compact));
            return;
        }
        QStringList idText;
        for (const TokenId id : ids)
            idText << QString::number(id);
        writeLine(QString::fromStdString(text).toUtf8());
        writeLine((QStringLiteral("  ids:    ") + idText.join(QLatin1Char(' '))).toUtf8());
        writeLine((QStringLiteral("  tokens: ") + tokens.join(QLatin1Char(' '))).toUtf8());
    };
    if (p.texts.isEmpty()) {
        std::string line;
        while (std::getline(std::cin, line))
            printOne(line);
    }
    for (const QString &text : p.texts)
        printOne(text.toStdString());
    std::fflush(stdout);
    return 0;
}

int runTokenizeCommand(const QStringList &args)
{
    const CliParsed<TokenizeParams> parsed = parseTokenizeParams(args);
    if (const auto *stop = std::get_if<CliStop>(&parsed))
        return printStop(*stop, args.value(0));
    return runTokenize(std::get<TokenizeParams>(parsed), args.value(0));
}

CliParsed<DetokenizeParams> parseDetokenizeParams(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        TokenizeCommandText::tr("Print the text of a list of token ids (separate arguments, or separated "
                                "by commas or spaces), the way the official code decodes them."));
    parser.addHelpOption();
    const TokenizerOptions o;
    o.addTo(parser);
    const QCommandLineOption skipSpecial(
        QStringLiteral("skip-special"), TokenizeCommandText::tr("Leave out special tokens."));
    const QCommandLineOption noCleanup(QStringLiteral("no-cleanup"),
        TokenizeCommandText::tr("Keep the spaces before punctuation (no clean-up of tokenization spaces)."));
    parser.addOptions({skipSpecial, noCleanup});
    parser.addPositionalArgument(
        QStringLiteral("ids"), TokenizeCommandText::tr("Token ids."), QStringLiteral("[--] IDS..."));
    if (const std::optional<CliStop> stop = parseOrStop(parser, args))
        return *stop;

    DetokenizeParams p;
    static const QRegularExpression separators(QStringLiteral("[,\\s\\[\\]]+"));
    for (const QString &arg : parser.positionalArguments()) {
        for (const QString &part : arg.split(separators, Qt::SkipEmptyParts)) {
            bool ok = false;
            const qlonglong id = part.toLongLong(&ok);
            if (!ok)
                return usageStop(TokenizeCommandText::tr("'%1' is not a token id").arg(part));
            p.ids.push_back(id);
        }
    }
    const std::variant<TokenizerParams, CliStop> tokenizer = tokenizerParams(parser, o);
    if (const auto *stop = std::get_if<CliStop>(&tokenizer))
        return *stop;
    p.tokenizer = std::get<TokenizerParams>(tokenizer);
    p.skipSpecialTokens = parser.isSet(skipSpecial);
    p.cleanUpSpaces = !parser.isSet(noCleanup);
    return p;
}

int runDetokenize(const DetokenizeParams &p, const QString &command)
{
    int exitCode = 0;
    const auto tok = openTokenizer(p.tokenizer, command, exitCode);
    if (!tok)
        return exitCode;
    model::text::DecodeOptions options;
    options.skipSpecialTokens = p.skipSpecialTokens;
    options.cleanUpTokenizationSpaces = p.cleanUpSpaces;
    const std::string text = tok->decode(p.ids, options);
    if (p.tokenizer.json) {
        const QJsonObject obj {
            {QStringLiteral("ids"), toJson(p.ids)}, {QStringLiteral("text"), QString::fromStdString(text)}};
        writeLine(QJsonDocument(obj).toJson(QJsonDocument::Compact));
    } else {
        writeLine(QByteArray::fromStdString(text));
    }
    std::fflush(stdout);
    return 0;
}

int runDetokenizeCommand(const QStringList &args)
{
    const CliParsed<DetokenizeParams> parsed = parseDetokenizeParams(args);
    if (const auto *stop = std::get_if<CliStop>(&parsed))
        return printStop(*stop, args.value(0));
    return runDetokenize(std::get<DetokenizeParams>(parsed), args.value(0));
}

} // namespace mplug2::app
