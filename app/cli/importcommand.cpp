#include "app/cli/importcommand.h"

#include "app/bundle/bundleregistry.h"
#include "app/bundle/checkpointbundle.h"
#include "app/cli/clisession.h"
#include "app/engine/devicechoice.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTextStream>

namespace mplug2::app {

namespace {
struct ImportCommandText {
    Q_DECLARE_TR_FUNCTIONS(ImportCommand)
};

QCommandLineOption importOption(const QString &name, const char *help, const QString &valueName = {})
{
    return valueName.isEmpty() ? QCommandLineOption(name, ImportCommandText::tr(help))
                               : QCommandLineOption(name, ImportCommandText::tr(help), valueName);
}
} // namespace

CliParsed<ImportParams> parseImportParams(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        ImportCommandText::tr("Make a model bundle from an official mPLUG-2 checkpoint: a folder "
                              "with a manifest that names the checkpoint (not copied), its "
                              "vocabulary and its configuration."));
    parser.addHelpOption();
    const QCommandLineOption out = importOption(QStringLiteral("out"),
        QT_TRANSLATE_NOOP("ImportCommand", "The bundle folder to write."), QStringLiteral("dir"));
    const QCommandLineOption vocab = importOption(QStringLiteral("vocab"),
        QT_TRANSLATE_NOOP(
            "ImportCommand", "Vocabulary (default: the bundled BERT vocabulary); copied into the bundle."),
        QStringLiteral("file"));
    const QCommandLineOption tokenizer = importOption(QStringLiteral("tokenizer"),
        QT_TRANSLATE_NOOP("ImportCommand", "wordpiece (default) or sentencepiece."), QStringLiteral("kind"));
    const QCommandLineOption kind = importOption(QStringLiteral("kind"),
        QT_TRANSLATE_NOOP("ImportCommand", "caption (default), qa or pretrain."), QStringLiteral("kind"));
    const QCommandLineOption bertConfig = importOption(QStringLiteral("bert-config"),
        QT_TRANSLATE_NOOP("ImportCommand", "Official config_bert.json (head counts, stride_layer)."),
        QStringLiteral("file"));
    const QCommandLineOption modelConfig = importOption(QStringLiteral("model-config"),
        QT_TRANSLATE_NOOP(
            "ImportCommand", "Official model config as JSON (image_res, frames, prompt, generation)."),
        QStringLiteral("file"));
    const QCommandLineOption clipBpe = importOption(QStringLiteral("clip-bpe"),
        QT_TRANSLATE_NOOP("ImportCommand", "CLIP BPE vocabulary, for CLIP-space text embeddings."),
        QStringLiteral("file"));
    const QCommandLineOption id = importOption(QStringLiteral("id"),
        QT_TRANSLATE_NOOP("ImportCommand", "Bundle id (default: from the file name)."), QStringLiteral("id"));
    const QCommandLineOption name = importOption(QStringLiteral("name"),
        QT_TRANSLATE_NOOP("ImportCommand", "Name shown to people."), QStringLiteral("text"));
    const QCommandLineOption check = importOption(QStringLiteral("check"),
        QT_TRANSLATE_NOOP("ImportCommand", "Load the model once on the CPU to check that it works."));
    const QCommandLineOption registerIt = importOption(QStringLiteral("register"),
        QT_TRANSLATE_NOOP("ImportCommand", "Add the bundle to this user's models."));
    const QCommandLineOption makeDefault = importOption(QStringLiteral("default"),
        QT_TRANSLATE_NOOP("ImportCommand", "Register it and make it the default model."));
    const QCommandLineOption replace = importOption(QStringLiteral("replace"),
        QT_TRANSLATE_NOOP("ImportCommand",
            "Overwrite a bundle already in --out, and replace a registered model of the same id."));
    parser.addOptions({out, vocab, tokenizer, kind, bertConfig, modelConfig, clipBpe, id, name, check,
        registerIt, makeDefault, replace});
    parser.addPositionalArgument(QStringLiteral("checkpoint"),
        ImportCommandText::tr("The checkpoint (.pth or .safetensors)."), QStringLiteral("CHECKPOINT"));
    if (const std::optional<CliStop> stop = parseOrStop(parser, args))
        return *stop;
    if (parser.positionalArguments().size() != 1)
        return usageStop(ImportCommandText::tr("give exactly one checkpoint"));
    if (!parser.isSet(out))
        return usageStop(ImportCommandText::tr("--out DIR is required"));

    ImportParams p;
    p.checkpoint = parser.positionalArguments().constFirst();
    p.out = parser.value(out);
    p.vocab = parser.value(vocab);
    p.tokenizer = parser.value(tokenizer);
    if (parser.isSet(kind)) {
        const Expected<ModelKind> k = parseModelKind(parser.value(kind));
        if (!k)
            return usageStop(QString::fromStdString(k.error().message));
        p.kind = *k;
    }
    p.bertConfig = parser.value(bertConfig);
    p.modelConfig = parser.value(modelConfig);
    p.clipBpe = parser.value(clipBpe);
    p.id = parser.value(id);
    p.name = parser.value(name);
    p.check = parser.isSet(check);
    p.makeDefault = parser.isSet(makeDefault);
    p.registerIt = parser.isSet(registerIt) || p.makeDefault;
    p.replace = parser.isSet(replace);
    return p;
}

int runImport(const ImportParams &params, const QString &command)
{
    CheckpointBundleOptions o;
    o.checkpoint = params.checkpoint;
    o.vocab = params.vocab;
    if (!params.tokenizer.isEmpty())
        o.tokenizerKind = params.tokenizer;
    if (params.kind)
        o.kind = *params.kind;
    o.bertConfigFile = params.bertConfig;
    o.modelConfigFile = params.modelConfig;
    o.clipBpe = params.clipBpe;
    o.id = params.id;
    o.name = params.name;
    Expected<ModelBundle> bundle = bundleForCheckpoint(o);
    if (!bundle)
        return reportCliError(command, QString::fromStdString(bundle.error().message));

    const QDir dir(params.out);
    const QString manifest = dir.filePath(QLatin1String(ModelBundle::kManifestName));
    // An import never overwrites without being told to: check before writing anything.
    if (!params.replace) {
        if (QFileInfo::exists(manifest)) {
            const Expected<ModelBundle> there = ModelBundle::load(manifest);
            return reportCliError(command,
                ImportCommandText::tr(
                    "%1 already holds a model bundle (%2): pass --replace to overwrite it, or "
                    "choose another --out")
                    .arg(QDir::toNativeSeparators(dir.path()),
                        there ? there->id : QString::fromStdString(there.error().message)),
                2);
        }
        if (params.registerIt)
            if (const std::optional<ModelBundle> held = BundleRegistry().find(bundle->id);
                held && QFileInfo(held->manifestPath) != QFileInfo(manifest))
                return reportCliError(command,
                    ImportCommandText::tr(
                        "a model with the id \"%1\" is already installed (%2): pass --id with "
                        "another id to keep both, or --replace to replace it")
                        .arg(bundle->id, QDir::toNativeSeparators(held->manifestPath)),
                    2);
    }
    if (!dir.mkpath(QStringLiteral(".")))
        return reportCliError(command, ImportCommandText::tr("cannot create the folder %1").arg(dir.path()));
    if (const Expected<QString> copied = copyVocabularyInto(*bundle, dir.absolutePath()); !copied)
        return reportCliError(command, QString::fromStdString(copied.error().message));
    if (Expected<void> saved = bundle->save(manifest); !saved)
        return reportCliError(command, QString::fromStdString(saved.error().message));

    if (params.check) {
        CliSession session(command);
        if (!session.loadModel(*bundle, DeviceChoice::cpu()))
            return 1;
        QTextStream(stderr) << ImportCommandText::tr("checked: %1 loads (%2 parameters)")
                                   .arg(bundle->id)
                                   .arg(session.model().parameters)
                            << '\n';
    }
    if (params.registerIt) {
        BundleRegistry registry;
        const Expected<ModelBundle> added = registry.add(manifest,
            params.replace ? BundleRegistry::OnConflict::Replace : BundleRegistry::OnConflict::Refuse);
        if (!added)
            return reportCliError(command, QString::fromStdString(added.error().message));
        if (params.makeDefault)
            registry.setDefaultId(added->id);
    }
    QTextStream(stdout) << QFileInfo(manifest).absoluteFilePath() << '\n';
    return 0;
}

int runImportCommand(const QStringList &args)
{
    const CliParsed<ImportParams> parsed = parseImportParams(args);
    if (const auto *stop = std::get_if<CliStop>(&parsed))
        return printStop(*stop, args.value(0));
    return runImport(std::get<ImportParams>(parsed), args.value(0));
}

} // namespace mplug2::app
