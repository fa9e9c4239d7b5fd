#include "app/retrieval/modelkey.h"

#include "app/retrieval/samplehash.h"

#include <QRegularExpression>

namespace mplug2::app {

namespace {

const QRegularExpression &currentForm()
{
    static const QRegularExpression re(QStringLiteral("^([0-9a-f]{12}-r\\d+-f\\d+)-(fp32|fp16|bf16)$"));
    return re;
}

} // namespace

Expected<QString> modelKey(const ModelBundle &bundle, Precision precision)
{
    Expected<QByteArray> hash = sampleHash(bundle.checkpoint);
    if (!hash)
        return hash.error();
    const Precision resolved = precision == Precision::Auto ? Precision::Fp32 : precision;
    return QStringLiteral("%1-r%2-f%3-%4")
        .arg(QString::fromLatin1(hash->toHex().left(12)))
        .arg(bundle.imageRes)
        .arg(bundle.numFrames)
        .arg(precisionName(resolved));
}

Expected<QString> modelKey(const ModelInfo &model)
{
    return modelKey(model.bundle, model.device.effectivePrecision());
}

std::optional<Precision> precisionOfModelKey(const QString &key)
{
    const QRegularExpressionMatch m = currentForm().match(key);
    if (!m.hasMatch())
        return std::nullopt;
    return parsePrecision(m.captured(2));
}

QString modelKeyWithoutPrecision(const QString &key)
{
    const QRegularExpressionMatch m = currentForm().match(key);
    return m.hasMatch() ? m.captured(1) : key;
}

std::optional<QString> upgradedModelKey(const QString &oldKey)
{
    static const QRegularExpression old(QStringLiteral("^.*@([0-9a-f]{12}-r\\d+-f\\d+)$"));
    const QRegularExpressionMatch m = old.match(oldKey);
    if (!m.hasMatch())
        return std::nullopt;
    return m.captured(1) + QStringLiteral("-fp32");
}

} // namespace mplug2::app
