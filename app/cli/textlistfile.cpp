#include "app/cli/textlistfile.h"

#include <QCoreApplication>
#include <QFile>

namespace mplug2::app {

namespace {
struct TextListFileText {
    Q_DECLARE_TR_FUNCTIONS(TextListFile)
};
constexpr qint64 kMaxBytes = 4 << 20;
constexpr int kMaxLines = 10000;
constexpr int kMaxLineLength = 1000;
} // namespace

Expected<QStringList> readTextList(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::NotFound,
            TextListFileText::tr("cannot read %1: %2").arg(path, f.errorString()).toStdString());
    if (f.size() > kMaxBytes)
        return makeError(ErrorCode::LimitExceeded,
            TextListFileText::tr("%1 is larger than 4 MiB").arg(path).toStdString());
    QStringList texts;
    const QList<QByteArray> lines = f.read(kMaxBytes).split('\n');
    for (const QByteArray &line : lines) {
        const QString text = QString::fromUtf8(line).trimmed();
        if (text.isEmpty())
            continue;
        if (text.size() > kMaxLineLength)
            return makeError(ErrorCode::LimitExceeded,
                TextListFileText::tr("%1: a line is longer than %2 characters")
                    .arg(path)
                    .arg(kMaxLineLength)
                    .toStdString());
        texts.append(text);
        if (texts.size() > kMaxLines)
            return makeError(ErrorCode::LimitExceeded,
                TextListFileText::tr("%1 has more than %2 entries").arg(path).arg(kMaxLines).toStdString());
    }
    if (texts.isEmpty())
        return makeError(
            ErrorCode::InvalidArgument, TextListFileText::tr("%1 holds no entries").arg(path).toStdString());
    return texts;
}

} // namespace mplug2::app
