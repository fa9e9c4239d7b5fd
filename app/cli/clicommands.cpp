#include "app/cli/clicommand.h"

#include "app/cli/benchcommand.h"
#include "app/cli/democommands.h"
#include "app/cli/infocommand.h"
#include "app/cli/paritycommand.h"
#include "app/cli/taskcommands.h"
#include "app/cli/tokenizecommand.h"

namespace mplug2::app {

const QList<CliCommand> &cliCommands()
{
    static const QList<CliCommand> commands = {
        {QStringLiteral("bench"), QStringLiteral("Benchmarks: 'media' times sampling a video's frames"), &runBenchCommand},
        {QStringLiteral("parity"), QStringLiteral("Compare every stage with the official fixtures"),
         &runParityCommand},
        {QStringLiteral("info"), QStringLiteral("Show versions, devices, threads and licences"), &runInfoCommand},
        {QStringLiteral("caption"), QStringLiteral("Describe images and videos"), &runCaptionCommand},
        {QStringLiteral("dense-caption"), QStringLiteral("Caption a video window by window (SRT, WebVTT, JSON)"),
         &runDenseCaptionCommand},
        {QStringLiteral("ask"), QStringLiteral("Answer a question about images and videos"), &runAskCommand},
        {QStringLiteral("classify"), QStringLiteral("Zero-shot classification over a list of labels"),
         &runClassifyCommand},
        {QStringLiteral("import"), QStringLiteral("Make a model bundle from an official checkpoint"), &runImportCommand},
        {QStringLiteral("tokenize"), QStringLiteral("Token ids and tokens of texts"), &runTokenizeCommand},
        {QStringLiteral("detokenize"), QStringLiteral("Text of token ids"), &runDetokenizeCommand},
        {QStringLiteral("train-demo"), QStringLiteral("Train the bundled demo model from scratch"), &runTrainDemoCommand},
        {QStringLiteral("eval-demo"), QStringLiteral("Score a demo model on held-out synthetic clips"),
         &runEvalDemoCommand},
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

} // namespace mplug2::app
