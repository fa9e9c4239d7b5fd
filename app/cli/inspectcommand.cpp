#include "app/cli/checkpointcommands.h"
#include "app/cli/commandlineparsing.h"
#include "model/checkpoint/checkpointindex.h"
#include "model/checkpoint/statedict.h"
#include "model/checkpoint/weightselection.h"
#include "model/config/configinference.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

#include <map>
#include <set>

namespace mplug2::app {

namespace {

struct InspectCommandText {
    Q_DECLARE_TR_FUNCTIONS(InspectCommand)
};

/// "text_encoder.encoder.layer.N": the first three parts of a key, indices as N.
QString keyGroup(const std::string &key)
{
    QStringList parts = QString::fromStdString(key).split(QLatin1Char('.'));
    if (parts.size() > 1)
        parts.removeLast(); // the parameter's own name
    while (parts.size() > 3)
        parts.removeLast();
    for (QString &part : parts) {
        bool number = false;
        part.toLongLong(&number);
        if (number)
            part = QStringLiteral("N");
    }
    return parts.join(QLatin1Char('.'));
}

QString shapeText(const std::vector<std::int64_t> &shape)
{
    QStringList dims;
    for (const std::int64_t d : shape)
        dims << QString::number(d);
    return QLatin1Char('[') + dims.join(QStringLiteral(", ")) + QLatin1Char(']');
}

QString bytesText(std::uint64_t bytes)
{
    return QLocale::c().formattedDataSize(static_cast<qint64>(bytes), 1, QLocale::DataSizeSIFormat);
}

/// A left-aligned column that keeps at least two spaces before the next one.
QString column(const QString &text, int width)
{
    return (text + QStringLiteral("  ")).leftJustified(width);
}

/// The inferred configuration as (name, value) rows, in the official key names.
QList<QPair<QString, qint64>> configRows(const model::Mplug2Config &c)
{
    return {{QStringLiteral("vision_width"), c.vision.width},
        {QStringLiteral("vision_layers"), c.vision.layers}, {QStringLiteral("vision_heads"), c.vision.heads},
        {QStringLiteral("patch_size"), c.vision.patchSize}, {QStringLiteral("image_res"), c.vision.imageRes},
        {QStringLiteral("hidden_size"), c.bert.hiddenSize},
        {QStringLiteral("num_attention_heads"), c.bert.numAttentionHeads},
        {QStringLiteral("intermediate_size"), c.bert.intermediateSize},
        {QStringLiteral("vocab_size"), c.bert.vocabSize},
        {QStringLiteral("max_position_embeddings"), c.bert.maxPositionEmbeddings},
        {QStringLiteral("text_encoder_layers"), c.bert.textEncoderLayers},
        {QStringLiteral("num_uni_layer"), c.bert.numUniLayer},
        {QStringLiteral("num_hidden_layers"), c.bert.numHiddenLayers},
        {QStringLiteral("fusion_layers"), c.bert.fusionLayers},
        {QStringLiteral("stride_layer"), c.bert.strideLayer},
        {QStringLiteral("text_decode_layers"), c.bert.textDecodeLayers},
        {QStringLiteral("clip_transformer_width"), c.clipText.width},
        {QStringLiteral("clip_transformer_layers"), c.clipText.layers},
        {QStringLiteral("clip_transformer_heads"), c.clipText.heads},
        {QStringLiteral("clip_vocab_size"), c.clipText.vocabSize},
        {QStringLiteral("clip_context_length"), c.clipText.contextLength},
        {QStringLiteral("embed_dim"), c.embedDim}, {QStringLiteral("num_latents"), c.numLatents}};
}

struct Group {
    std::size_t tensors = 0;
    std::uint64_t bytes = 0;
};

} // namespace

CliParsed<InspectParams> parseInspectParams(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        InspectCommandText::tr("Describe a checkpoint (.pth or .safetensors) without loading it: "
                               "format, top-level entries, model weights by group and dtype, and "
                               "what loading ignores and why. Nothing in the file is run."));
    parser.addHelpOption();
    const QCommandLineOption json(QStringLiteral("json"), InspectCommandText::tr("Print one JSON object."));
    const QCommandLineOption keys(QStringLiteral("keys"),
        InspectCommandText::tr("Also list every model weight with its shape and dtype."));
    parser.addOptions({json, keys});
    parser.addPositionalArgument(
        QStringLiteral("file"), InspectCommandText::tr("The checkpoint."), QStringLiteral("FILE"));
    if (const std::optional<CliStop> stop = parseOrStop(parser, args))
        return *stop;
    if (parser.positionalArguments().size() != 1)
        return usageStop(InspectCommandText::tr("give exactly one checkpoint file"));
    return InspectParams {parser.positionalArguments().constFirst(), parser.isSet(json), parser.isSet(keys)};
}

int runInspect(const InspectParams &params, const QString &command)
{
    const QString &path = params.file;

    auto index = model::CheckpointIndex::open(path.toStdString());
    if (!index)
        return reportCliError(command, QString::fromStdString(index.error().message));
    auto selection = model::selectModelWeights(*index, true);

    std::map<QString, Group> groups;
    std::map<QString, Group> dtypes;
    std::uint64_t keptBytes = 0; // each storage once: tied weights share one
    std::size_t tied = 0;
    if (selection) {
        std::set<std::uint32_t> storages;
        for (const model::SelectedTensor &s : selection->kept) {
            const model::StoredTensor &t = index->tensors()[s.tensor];
            for (Group *g :
                {&groups[keyGroup(s.name)], &dtypes[QString::fromLatin1(model::elementTypeName(t.type))]}) {
                ++g->tensors;
                g->bytes += t.byteSize();
            }
            if (storages.insert(t.storage).second)
                keptBytes += index->storages()[t.storage].byteSize;
            else
                ++tied;
        }
    }
    // The configuration the shapes imply (no tensor data is read for it).
    Expected<model::Mplug2Config> config = makeError(ErrorCode::NotFound, "no model weights");
    if (selection) {
        auto shapes = model::loadStateDictShapes(*index);
        config = shapes ? model::inferConfig(*shapes) : Expected<model::Mplug2Config>(shapes.error());
    }
    // A bare state dict (safetensors, flat .pth) has one entry per tensor: list them as one line.
    bool bareDict = !index->entries().empty();
    for (const model::TopLevelEntry &e : index->entries())
        bareDict = bareDict && e.tensorCount == 1 && e.description.rfind("tensor", 0) == 0;

    QTextStream out(stdout);
    if (params.json) {
        QJsonObject obj {{QStringLiteral("file"), path},
            {QStringLiteral("format"), QString::fromLatin1(model::checkpointFormatName(index->format()))},
            {QStringLiteral("file_bytes"), QFileInfo(path).size()}};
        QJsonArray entries;
        for (const model::TopLevelEntry &e : index->entries())
            entries.append(QJsonObject {{QStringLiteral("name"), QString::fromStdString(e.name)},
                {QStringLiteral("value"), QString::fromStdString(e.description)},
                {QStringLiteral("tensors"), qint64(e.tensorCount)},
                {QStringLiteral("bytes"), qint64(e.tensorBytes)}});
        obj.insert(QStringLiteral("entries"), entries);
        QJsonArray metadata;
        for (const auto &[k, v] : index->metadata())
            metadata.append(QJsonArray {QString::fromStdString(k), QString::fromStdString(v)});
        if (!metadata.isEmpty())
            obj.insert(QStringLiteral("metadata"), metadata);
        if (selection) {
            QJsonObject weights {
                {QStringLiteral("source_entry"), QString::fromStdString(selection->sourceEntry)},
                {QStringLiteral("tensors"), qint64(selection->kept.size())},
                {QStringLiteral("bytes"), qint64(keptBytes)}, {QStringLiteral("tied_tensors"), qint64(tied)},
                {QStringLiteral("renamed_pretrain_keys"), qint64(selection->renamedPretrainKeys)},
                {QStringLiteral("stripped_ddp_prefixes"), qint64(selection->strippedDdpPrefixes)}};
            QJsonObject groupJson, dtypeJson;
            for (const auto &[name, g] : groups)
                groupJson.insert(name,
                    QJsonObject {{QStringLiteral("tensors"), qint64(g.tensors)},
                        {QStringLiteral("bytes"), qint64(g.bytes)}});
            for (const auto &[name, g] : dtypes)
                dtypeJson.insert(name,
                    QJsonObject {{QStringLiteral("tensors"), qint64(g.tensors)},
                        {QStringLiteral("bytes"), qint64(g.bytes)}});
            weights.insert(QStringLiteral("groups"), groupJson);
            weights.insert(QStringLiteral("dtypes"), dtypeJson);
            QJsonArray ignored;
            for (const model::IgnoredTensors &i : selection->ignored)
                ignored.append(QJsonObject {{QStringLiteral("reason"), QString::fromStdString(i.reason)},
                    {QStringLiteral("tensors"), qint64(i.count)},
                    {QStringLiteral("bytes"), qint64(i.bytes)}});
            weights.insert(QStringLiteral("ignored"), ignored);
            if (params.keys) {
                QJsonArray list;
                for (const model::SelectedTensor &s : selection->kept) {
                    const model::StoredTensor &t = index->tensors()[s.tensor];
                    QJsonArray shape;
                    for (const std::int64_t d : t.shape)
                        shape.append(qint64(d));
                    list.append(QJsonObject {{QStringLiteral("name"), QString::fromStdString(s.name)},
                        {QStringLiteral("shape"), shape},
                        {QStringLiteral("dtype"), QString::fromLatin1(model::elementTypeName(t.type))}});
                }
                weights.insert(QStringLiteral("keys"), list);
            }
            obj.insert(QStringLiteral("model_weights"), weights);
            if (config) {
                QJsonObject configJson;
                for (const auto &[name, value] : configRows(*config))
                    configJson.insert(name, value);
                obj.insert(QStringLiteral("inferred_config"), configJson);
            } else {
                obj.insert(
                    QStringLiteral("inferred_config_error"), QString::fromStdString(config.error().message));
            }
        } else {
            obj.insert(
                QStringLiteral("model_weights_error"), QString::fromStdString(selection.error().message));
        }
        out << QJsonDocument(obj).toJson(QJsonDocument::Compact) << '\n';
        return 0;
    }

    out << InspectCommandText::tr("%1: %2 checkpoint, %3")
               .arg(path, QString::fromLatin1(model::checkpointFormatName(index->format())),
                   bytesText(static_cast<std::uint64_t>(QFileInfo(path).size())))
        << "\n\n"
        << InspectCommandText::tr("Top-level entries:") << '\n';
    if (bareDict)
        out << "  "
            << InspectCommandText::tr(
                   "%n tensor(s) at the top level (a bare state dict)", nullptr, int(index->entries().size()))
            << '\n';
    for (std::size_t i = 0; i < index->entries().size() && !bareDict; ++i) {
        const model::TopLevelEntry &e = index->entries()[i];
        out << "  " << column(QString::fromStdString(e.name), 24) << QString::fromStdString(e.description);
        if (e.tensorCount > 0)
            out << "  "
                << InspectCommandText::tr("%n tensor(s), %1", nullptr, int(e.tensorCount))
                       .arg(bytesText(e.tensorBytes));
        out << '\n';
    }
    if (!selection) {
        out << '\n' << QString::fromStdString(selection.error().message) << '\n';
        return 0;
    }
    out << '\n'
        << InspectCommandText::tr(
               "Model weights (from %1): %n tensor(s), %2", nullptr, int(selection->kept.size()))
               .arg(selection->sourceEntry.empty()
                       ? InspectCommandText::tr("the top level")
                       : QString::fromStdString("'" + selection->sourceEntry + "'"),
                   bytesText(keptBytes))
        << '\n';
    if (tied > 0)
        out << "  "
            << InspectCommandText::tr(
                   "%n tensor(s) share storage with another (tied weights)", nullptr, int(tied))
            << '\n';
    for (const auto &[name, g] : dtypes)
        out << "  " << column(name, 44)
            << InspectCommandText::tr("%n tensor(s), %1", nullptr, int(g.tensors)).arg(bytesText(g.bytes))
            << '\n';
    out << '\n' << InspectCommandText::tr("Key groups:") << '\n';
    for (const auto &[name, g] : groups)
        out << "  " << column(name, 44)
            << InspectCommandText::tr("%n tensor(s), %1", nullptr, int(g.tensors)).arg(bytesText(g.bytes))
            << '\n';
    if (selection->strippedDdpPrefixes > 0)
        out << '\n'
            << InspectCommandText::tr(
                   "%n key(s) lost a DDP 'module.' prefix.", nullptr, int(selection->strippedDdpPrefixes))
            << '\n';
    if (selection->renamedPretrainKeys > 0)
        out << '\n'
            << InspectCommandText::tr("%n pretrain key(s) renamed as the official loader does.", nullptr,
                   int(selection->renamedPretrainKeys))
            << '\n';
    out << '\n' << InspectCommandText::tr("Ignored when loading:") << '\n';
    if (selection->ignored.empty())
        out << "  " << InspectCommandText::tr("nothing") << '\n';
    for (const model::IgnoredTensors &i : selection->ignored)
        out << "  " << column(QString::fromStdString(i.reason), 44)
            << InspectCommandText::tr("%n tensor(s), %1", nullptr, int(i.count)).arg(bytesText(i.bytes))
            << '\n';
    out << '\n';
    if (config) {
        out << InspectCommandText::tr(
            "Inferred configuration (from shapes; head counts, fusion layers that run and stride_layer "
            "are the official defaults):")
            << '\n';
        for (const auto &[name, value] : configRows(*config))
            out << "  " << column(name, 28) << value << '\n';
    } else {
        out << InspectCommandText::tr("No configuration can be inferred: %1")
                   .arg(QString::fromStdString(config.error().message))
            << '\n';
    }
    if (params.keys) {
        out << '\n' << InspectCommandText::tr("Keys:") << '\n';
        for (const model::SelectedTensor &s : selection->kept) {
            const model::StoredTensor &t = index->tensors()[s.tensor];
            out << QString::fromStdString(s.name) << '\t' << shapeText(t.shape) << '\t'
                << model::elementTypeName(t.type) << '\n';
        }
    }
    return 0;
}

int runInspectCommand(const QStringList &args)
{
    const CliParsed<InspectParams> parsed = parseInspectParams(args);
    if (const auto *stop = std::get_if<CliStop>(&parsed))
        return printStop(*stop, args.value(0));
    return runInspect(std::get<InspectParams>(parsed), args.value(0));
}

} // namespace mplug2::app
