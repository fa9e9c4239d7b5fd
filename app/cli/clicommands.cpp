#include "app/cli/benchcommand.h"
#include "app/cli/checkpointcommands.h"
#include "app/cli/clicommand.h"
#include "app/cli/democommands.h"
#include "app/cli/evalexplanationscommand.h"
#include "app/cli/exportindexcommand.h"
#include "app/cli/importcommand.h"
#include "app/cli/indexcommand.h"
#include "app/cli/infocommand.h"
#include "app/cli/modelscommand.h"
#include "app/cli/paritycommand.h"
#include "app/cli/searchcommand.h"
#include "app/cli/taskcommands.h"
#include "app/cli/tokenizecommand.h"

namespace mplug2::app {

const QList<CliCommand> &cliCommands()
{
    static const QList<CliCommand> commands = {
        {QStringLiteral("bench"),
            QStringLiteral("Benchmarks: 'media' times sampling a video's frames, 'retrieval' the search "
                           "index, 'catalog' a shared index, 'moments' indexing a long video"),
            &runBenchCommand},
        {QStringLiteral("parity"), QStringLiteral("Compare every stage with the official fixtures"),
            &runParityCommand},
        {QStringLiteral("info"), QStringLiteral("Show versions, devices, threads and licences"),
            &runInfoCommand},
        {QStringLiteral("caption"), QStringLiteral("Describe images and videos"), &runCaptionCommand},
        {QStringLiteral("dense-caption"),
            QStringLiteral("Caption a video window by window (SRT, WebVTT, JSON)"), &runDenseCaptionCommand},
        {QStringLiteral("ask"), QStringLiteral("Answer a question about images and videos"), &runAskCommand},
        {QStringLiteral("classify"), QStringLiteral("Zero-shot classification over a list of labels"),
            &runClassifyCommand},
        {QStringLiteral("attention"),
            QStringLiteral("Attention heat maps over the frames (PNG, GIF, MP4, HTML)"),
            &runAttentionCommand},
        {QStringLiteral("import"), QStringLiteral("Make a model bundle from an official checkpoint"),
            &runImportCommand},
        {QStringLiteral("models"),
            QStringLiteral("The official models: list, download (resumable) and remove"), &runModelsCommand},
        {QStringLiteral("index"), QStringLiteral("Index folders of images and videos for search"),
            &runIndexCommand},
        {QStringLiteral("search"), QStringLiteral("Search an index by text, by example, or rank sentences"),
            &runSearchCommand},
        {QStringLiteral("export-index"),
            QStringLiteral("Every file of an index with its caption, as JSON Lines or CSV"),
            &runExportIndexCommand},
        {QStringLiteral("tokenize"), QStringLiteral("Token ids and tokens of texts"), &runTokenizeCommand},
        {QStringLiteral("detokenize"), QStringLiteral("Text of token ids"), &runDetokenizeCommand},
        {QStringLiteral("train-demo"), QStringLiteral("Train the bundled demo model from scratch"),
            &runTrainDemoCommand},
        {QStringLiteral("eval-demo"), QStringLiteral("Score a demo model on held-out synthetic clips"),
            &runEvalDemoCommand},
        {QStringLiteral("eval-explanations"),
            QStringLiteral("Score the demo model's explanations: pointing game, deletion and insertion"),
            &runEvalExplanationsCommand},
        {QStringLiteral("inspect"), QStringLiteral("Describe a checkpoint without loading it"),
            &runInspectCommand},
        {QStringLiteral("convert"), QStringLiteral("Write a checkpoint's inference weights as .safetensors"),
            &runConvertCommand},
    };
    return commands;
}

const CliCommand *findCliCommand(const QString &name)
{
    for (const CliCommand &cmd : cliCommands()) {
        if (cmd.name == name)
            return &cmd;
    }
    return nullptr;
}

bool cliCommandDrawsText(const QString &name)
{
    return name == QLatin1String("attention");
}

} // namespace mplug2::app
