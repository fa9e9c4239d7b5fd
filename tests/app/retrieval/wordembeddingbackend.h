#pragma once
// A stand-in InferenceBackend for retrieval tests: embeddings spell out the
// colour and shape words of a file's name (plus a little of its content, so
// an edited file embeds differently) and of a query text, so rankings are
// predictable without a trained model. The real model is exercised by the
// tests that load the fixture checkpoints.
#include "app/engine/inferencebackend.h"
#include "app/retrieval/samplehash.h"

#include <QColor>
#include <QFileInfo>
#include <QHash>
#include <QImage>
#include <QRegularExpression>
#include <QThread>

#include <cmath>
#include <memory>

namespace mplug2::test {

struct WordEmbeddingConfig {
    bool itcHeads = false;
    bool itmHead = false;
    int delayMs = 0; ///< per embedded file, to give a kill something to interrupt
    int textDelayMs = 0; ///< per text request (embed texts, score texts), to give a cancel something to stop
    QHash<QString, double> rerankBonus; ///< file base name -> added to its ScoreTexts score
};

class WordEmbeddingBackend : public app::InferenceBackend {
public:
    static constexpr int kDim = 16;

    explicit WordEmbeddingBackend(std::shared_ptr<const WordEmbeddingConfig> config)
        : m_config(std::move(config))
    { }

    /// Sleeps `ms` in steps of 5 ms, like a model polling its cancel flag; false when cancelled.
    static bool waitUnlessCancelled(int ms, app::RequestContext &ctx)
    {
        for (int waited = 0; waited < ms; waited += 5) {
            if (ctx.isCancelled())
                return false;
            QThread::msleep(5);
        }
        return true;
    }

    static QStringList vocabulary()
    {
        return {QStringLiteral("red"), QStringLiteral("green"), QStringLiteral("blue"),
            QStringLiteral("yellow"), QStringLiteral("circle"), QStringLiteral("square"),
            QStringLiteral("triangle"), QStringLiteral("white")};
    }

    static QStringList words(const QString &text)
    {
        return text.toLower().split(QRegularExpression(QStringLiteral("[^a-z]+")), Qt::SkipEmptyParts);
    }

    static QList<float> embed(const QStringList &ws, const QByteArray &noise, bool itc)
    {
        QList<float> v(kDim, 0.f);
        const QStringList vocab = vocabulary();
        for (const QString &w : ws)
            if (const qsizetype i = vocab.indexOf(w); i >= 0)
                v[itc ? kDim / 2 - 1 - i : i] += 1.f;
        for (qsizetype i = 0; i < noise.size() && i < kDim / 2; ++i)
            v[kDim / 2 + i] = 0.05f * (float(quint8(noise[i])) / 255.f);
        float norm = 0;
        for (float x : v)
            norm += x * x;
        norm = std::sqrt(norm);
        for (float &x : v)
            x = norm > 0 ? x / norm : 0.f;
        return v;
    }

    Expected<app::ModelInfo> load(
        const app::ModelBundle &bundle, const app::DeviceChoice &device, app::RequestContext &) override
    {
        app::ModelInfo info;
        info.bundle = bundle;
        info.device = device;
        info.clipText = true;
        info.itcHeads = m_config->itcHeads;
        info.itmHead = m_config->itmHead;
        return info;
    }
    void unload() override { }
    void setVisualCacheCapacity(qint64) override { }

    Expected<app::EngineResult> run(const app::EngineRequest &request, app::RequestContext &ctx) override
    {
        app::EngineResult r;
        r.media = request.media.path;
        const bool itc = request.embedding == app::EmbeddingKind::Itc;
        if (itc && !m_config->itcHeads)
            return makeError(ErrorCode::Unsupported, "no ITC heads");
        if (request.task == app::TaskKind::EmbedTexts || request.task == app::TaskKind::ScoreTexts)
            if (!waitUnlessCancelled(m_config->textDelayMs, ctx))
                return app::RequestContext::cancelledError();
        switch (request.task) {
        case app::TaskKind::EmbedTexts:
            ctx.counters().textEncoderRuns.fetch_add(request.texts.size());
            for (const QString &t : request.texts)
                r.textEmbeddings.append(embed(words(t), {}, itc));
            return r;
        case app::TaskKind::EmbedMedia: {
            const QFileInfo file(request.media.path);
            if (!file.isFile())
                return makeError(ErrorCode::NotFound, (request.media.path + " does not exist").toStdString());
            if (file.fileName().contains(QLatin1String("broken")))
                return makeError(ErrorCode::Format, (file.fileName() + " is not a media file").toStdString());
            if (!waitUnlessCancelled(m_config->delayMs, ctx))
                return app::RequestContext::cancelledError();
            ctx.counters().visualEncoderRuns.fetch_add(1);
            const Expected<QByteArray> hash = app::sampleHash(request.media.path);
            r.mediaEmbedding = embed(words(file.completeBaseName()), hash ? *hash : QByteArray(), itc);
            r.geometry.sourceWidth = 64;
            r.geometry.sourceHeight = 48;
            if (request.returnFrames)
                r.frames = frames(file.fileName());
            return r;
        }
        case app::TaskKind::ScoreTexts: {
            if (request.scoring == app::TextScoring::Matching && !m_config->itmHead)
                return makeError(ErrorCode::Unsupported, "no ITM head");
            ctx.counters().decoderSteps.fetch_add(1);
            const QString base = QFileInfo(request.media.path).completeBaseName();
            const QStringList nameWords = words(base);
            for (const QString &t : request.texts) {
                const QStringList ws = words(t);
                double score = 0;
                for (const QString &w : ws)
                    score -= nameWords.contains(w) ? 0.0 : 1.0;
                score = score / std::max<qsizetype>(1, ws.size()) + m_config->rerankBonus.value(base, 0.0);
                if (request.scoring == app::TextScoring::Matching)
                    score += 100.0; // tells the tests which scorer ran
                r.items.append(app::ResultItem {t, score, {}, {}});
            }
            if (request.attention.crossAttention && !request.texts.isEmpty())
                r.attention = wordAttention(words(request.texts.first()));
            if (request.returnFrames)
                r.frames = frames(base);
            std::stable_sort(r.items.begin(), r.items.end(),
                [](const app::ResultItem &a, const app::ResultItem &b) { return a.score > b.score; });
            return r;
        }
        default:
            return makeError(ErrorCode::Unsupported, "not a retrieval task");
        }
    }

    /// Three frames of different hues (so a hover preview visibly changes).
    static QList<QImage> frames(const QString &name)
    {
        QList<QImage> list;
        for (int f = 0; f < 3; ++f) {
            QImage frame(64, 48, QImage::Format_RGB888);
            frame.fill(QColor::fromHsv((f * 90 + int(qHash(name) % 270)) % 360, 200, 200));
            list.append(frame);
        }
        return list;
    }

    /// Attention over 3 frames of 2x2 patches: word k looks at patch k % 4 of every frame.
    static app::AttentionMaps wordAttention(const QStringList &ws)
    {
        app::AttentionMaps maps;
        maps.geometry.frames = 3;
        maps.geometry.gridHeight = 2;
        maps.geometry.gridWidth = 2;
        maps.layers = 1;
        maps.heads = 1;
        const qsizetype visual = maps.geometry.visualTokens();
        for (qsizetype k = 0; k < ws.size(); ++k) {
            maps.tokenIds.append(1000 + k);
            maps.tokens.append(ws.at(k));
            for (qsizetype v = 0; v < visual; ++v)
                maps.crossAttention.append(v > 0 && (v - 1) % 4 == k % 4 ? 0.3f : 0.01f);
        }
        return maps;
    }

private:
    std::shared_ptr<const WordEmbeddingConfig> m_config;
};

inline std::unique_ptr<app::Engine> makeWordEngine(std::shared_ptr<const WordEmbeddingConfig> config)
{
    return std::make_unique<app::Engine>([config] { return std::make_unique<WordEmbeddingBackend>(config); });
}

} // namespace mplug2::test
