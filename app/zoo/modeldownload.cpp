#include "app/zoo/modeldownload.h"

#include "base/json/json.h"
#include "base/version.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QLocale>
#include <QNetworkAccessManager>
#include <QNetworkProxyFactory>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRegularExpression>
#include <QStorageInfo>
#include <QTimer>
#include <QtEndian>

#include <algorithm>
#include <cstring>

namespace mplug2::app {

namespace {
struct ModelDownloadText {
    Q_DECLARE_TR_FUNCTIONS(ModelDownload)
};

/// The progress signal at most this often.
constexpr qint64 kProgressEveryMs = 100;
/// Bytes of the file we look at before accepting it as a checkpoint.
constexpr qint64 kHeadBytes = 16;

QString size(qint64 bytes)
{
    return QLocale::c().formattedDataSize(bytes, 1, QLocale::DataSizeSIFormat);
}

QString hashFile(const QString &path, bool *ok)
{
    QFile f(path);
    QCryptographicHash hash(QCryptographicHash::Sha256);
    *ok = f.open(QIODevice::ReadOnly) && hash.addData(&f);
    return QString::fromLatin1(hash.result().toHex());
}

/// "bytes 100-199/1000" -> {100, 1000}; {-1, -1} when unreadable.
std::pair<qint64, qint64> contentRange(const QByteArray &header)
{
    static const QRegularExpression re(QStringLiteral("^bytes\\s+(\\d+)-(\\d+)/(\\d+|\\*)$"));
    const QRegularExpressionMatch m = re.match(QString::fromLatin1(header).trimmed());
    if (!m.hasMatch())
        return {-1, -1};
    const qint64 total = m.captured(3) == QLatin1String("*") ? -1 : m.captured(3).toLongLong();
    return {m.captured(1).toLongLong(), total};
}

} // namespace

ModelDownload::ModelDownload(DownloadJob job, QObject *parent)
    : QObject(parent)
    , m_job(std::move(job))
    , m_result(makeError(ErrorCode::Internal, "the download has not finished"))
{
    static const int registered = qRegisterMetaType<DownloadProgress>();
    Q_UNUSED(registered);
}

ModelDownload::~ModelDownload()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
    }
}

QString ModelDownload::partialPath(const QString &target)
{
    return target + QStringLiteral(".part");
}

QString ModelDownload::partialStatePath(const QString &target)
{
    return target + QStringLiteral(".part.json");
}

qint64 ModelDownload::partialBytes(const QString &target)
{
    const QFileInfo info(partialPath(target));
    return info.isFile() ? info.size() : 0;
}

qint64 ModelDownload::freeDiskBytes(const QString &folder)
{
    bool ok = false;
    const qint64 fake = qEnvironmentVariable("MPLUG2_FAKE_FREE_DISK").toLongLong(&ok);
    if (ok)
        return fake;
    QStorageInfo storage(folder);
    return storage.isValid() ? storage.bytesAvailable() : -1;
}

bool ModelDownload::looksLikeCheckpoint(const QByteArray &head)
{
    if (head.startsWith("PK\x03\x04"))
        return true; // torch.save zip
    if (head.size() >= 2 && uchar(head[0]) == 0x80 && uchar(head[1]) >= 2 && uchar(head[1]) <= 5)
        return true; // legacy torch.save: a pickle
    if (head.size() >= 9 && head[8] == '{') {
        quint64 length = 0;
        std::memcpy(&length, head.constData(), sizeof length); // safetensors: u64 header length, '{'
        return qFromLittleEndian(length) > 1 && qFromLittleEndian(length) < (quint64(1) << 32);
    }
    return false;
}

void ModelDownload::start()
{
    m_cancelled = m_failed = false;
    m_retriesLeft = m_job.retries;
    m_retryDelayMs = m_job.retryDelayMs;
    m_outcome = {};
    m_clock.start();
    if (QFileInfo::exists(m_job.target)) {
        // Finished before (its import may have failed): checked again, not fetched again.
        addNotice(ModelDownloadText::tr("%1 is already downloaded: checking it")
                      .arg(QDir::toNativeSeparators(m_job.target)));
        succeed(m_job.target);
        return;
    }
    if (!QDir().mkpath(QFileInfo(m_job.target).absolutePath())) {
        fail(makeError(ErrorCode::Io,
                 ModelDownloadText::tr("cannot create the folder %1")
                     .arg(QDir::toNativeSeparators(QFileInfo(m_job.target).absolutePath()))
                     .toStdString()),
            true);
        return;
    }
    m_url = m_job.url;
    if (m_job.httpsFirst && m_url.scheme() == QLatin1String("http")) {
        m_url.setScheme(QStringLiteral("https"));
        if (m_url.port() == 80)
            m_url.setPort(-1);
    }
    if (!m_network) {
        m_network = std::make_unique<QNetworkAccessManager>();
        // http_proxy, https_proxy and no_proxy, as every downloader honours them.
        QNetworkProxyFactory::setUseSystemConfiguration(true);
    }
    request();
}

void ModelDownload::request()
{
    m_retryPending = false;
    m_status = 0;
    m_accepted = false;
    m_headChecked = false;
    m_total = -1;
    m_etag.clear();
    m_lastModified.clear();

    // What the partial file holds, and whether it came from this URL.
    const QString partial = partialPath(m_job.target);
    m_offset = partialBytes(m_job.target);
    QByteArray ifRange;
    if (m_offset > 0) {
        const Expected<json::Json> state
            = json::parseFile(partialStatePath(m_job.target).toStdString(), 1u << 16);
        const json::View s = state ? json::View(*state) : json::View();
        if (!state || QString::fromStdString(s["url"].asString()) != m_job.url.toString()) {
            addNotice(ModelDownloadText::tr("a partial file from another source was discarded"));
            m_offset = 0;
        } else {
            ifRange = QByteArray::fromStdString(
                s["etag"].asString().empty() ? s["last_modified"].asString() : s["etag"].asString());
            m_total = s["total"].asInt(-1);
            m_etag = QByteArray::fromStdString(s["etag"].asString());
            m_lastModified = QByteArray::fromStdString(s["last_modified"].asString());
        }
    }
    if (m_total > 0 && m_offset >= m_total) {
        m_received = m_offset;
        succeed(partialPath(m_job.target));
        return;
    }
    if (m_job.expectedSize > 0 && !checkFreeSpace(m_job.expectedSize))
        return;

    m_file.setFileName(partial);
    if (!m_file.open(m_offset > 0 ? QIODevice::Append : QIODevice::WriteOnly | QIODevice::Truncate)) {
        fail(makeError(ErrorCode::Io,
                 ModelDownloadText::tr("cannot write %1: %2")
                     .arg(QDir::toNativeSeparators(partial), m_file.errorString())
                     .toStdString()),
            true);
        return;
    }
    m_received = m_offset;

    QNetworkRequest request(m_url);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::NoLessSafeRedirectPolicy);
    request.setMaximumRedirectsAllowed(m_job.maxRedirects);
    // The https we try first for an http URL gets less patience: a host without it may just not answer.
    request.setTransferTimeout(
        m_url != m_job.url ? std::min(m_job.stallTimeoutMs, 10000) : m_job.stallTimeoutMs);
    request.setHeader(
        QNetworkRequest::UserAgentHeader, QStringLiteral("mplug2-studio/%1").arg(QLatin1String(kVersion)));
    // Byte offsets must be the file's: no transparent decompression.
    request.setRawHeader("Accept-Encoding", "identity");
    if (m_offset > 0 && !m_url.isLocalFile()) {
        request.setRawHeader("Range", "bytes=" + QByteArray::number(m_offset) + '-');
        if (!ifRange.isEmpty())
            request.setRawHeader("If-Range", ifRange);
    }
    m_reply = m_network->get(request);
    connect(m_reply, &QNetworkReply::metaDataChanged, this, &ModelDownload::onMetaData);
    connect(m_reply, &QNetworkReply::readyRead, this, &ModelDownload::onReadyRead);
    connect(m_reply, &QNetworkReply::finished, this, &ModelDownload::onFinished);
    emitProgress(true);
}

void ModelDownload::onMetaData()
{
    if (!m_reply || m_accepted || m_failed)
        return;
    const bool local = m_url.isLocalFile();
    if (!local) {
        m_status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (m_status == 0 || (m_status >= 300 && m_status < 400))
            return; // a redirect being followed, or nothing yet
        if (m_status != 200 && m_status != 206)
            return; // an error: onFinished() says which
        const QString type = m_reply->header(QNetworkRequest::ContentTypeHeader).toString().toLower();
        if (type.startsWith(QLatin1String("text/html"))) {
            fail(makeError(ErrorCode::Format,
                     ModelDownloadText::tr(
                         "%1 sent a web page (Content-Type %2), not the model file: the link may have "
                         "changed or need a login")
                         .arg(m_reply->url().host(), type)
                         .toStdString()),
                true);
            return;
        }
    }
    const qint64 length = m_reply->header(QNetworkRequest::ContentLengthHeader).isValid()
        ? m_reply->header(QNetworkRequest::ContentLengthHeader).toLongLong()
        : -1;
    if (m_status == 206) {
        const auto [from, total] = contentRange(m_reply->rawHeader("Content-Range"));
        if (from != m_offset) {
            addNotice(ModelDownloadText::tr("the server resumed at another byte than asked; starting over"));
            m_reply->disconnect(this);
            m_reply->abort();
            m_reply->deleteLater();
            m_reply = nullptr;
            m_file.close();
            QFile::remove(partialPath(m_job.target));
            QFile::remove(partialStatePath(m_job.target));
            request();
            return;
        }
        m_outcome.resumedFrom = m_offset;
        m_total = total > 0 ? total : (length >= 0 ? m_offset + length : -1);
    } else {
        if (m_offset > 0) {
            if (!local)
                addNotice(
                    ModelDownloadText::tr("the server does not resume downloads (or the file changed there): "
                                          "starting over from the first byte"));
            m_file.resize(0);
            m_file.seek(0);
            m_offset = m_received = 0;
        }
        m_total = length;
    }
    m_etag = m_reply->rawHeader("ETag");
    m_lastModified = m_reply->rawHeader("Last-Modified");
    if (m_job.expectedSize > 0 && m_total > 0 && m_total != m_job.expectedSize) {
        fail(makeError(ErrorCode::Format,
                 ModelDownloadText::tr(
                     "%1 has %2 bytes, but the model has %3: refusing a file that is not the one expected")
                     .arg(m_job.url.toDisplayString())
                     .arg(m_total)
                     .arg(m_job.expectedSize)
                     .toStdString()),
            true);
        return;
    }
    if (m_total > 0 && !checkFreeSpace(m_total))
        return;
    m_accepted = true;
    writeState();
}

void ModelDownload::onReadyRead()
{
    if (!m_reply || m_failed)
        return;
    if (!m_accepted) {
        onMetaData();
        if (!m_accepted || !m_reply)
            return;
    }
    const QByteArray data = m_reply->readAll();
    if (data.isEmpty())
        return;
    if (m_file.write(data) != data.size()) {
        fail(makeError(ErrorCode::Io,
                 ModelDownloadText::tr("cannot write %1: %2")
                     .arg(QDir::toNativeSeparators(m_file.fileName()), m_file.errorString())
                     .toStdString()),
            true);
        return;
    }
    m_received += data.size();
    m_rateBytes += data.size();
    if (!m_headChecked && m_received >= kHeadBytes) {
        m_headChecked = true;
        m_file.flush();
        QFile head(m_file.fileName());
        const QByteArray bytes = head.open(QIODevice::ReadOnly) ? head.read(kHeadBytes) : QByteArray();
        if (!looksLikeCheckpoint(bytes)) {
            QString shown = QString::fromLatin1(bytes).simplified();
            shown.replace(QRegularExpression(QStringLiteral("[^ -~]")), QStringLiteral("?"));
            fail(makeError(ErrorCode::Format,
                     ModelDownloadText::tr(
                         "%1 sent something that is not a checkpoint (it starts with \"%2\"): the link may "
                         "have changed or need a login")
                         .arg(m_url.isLocalFile() ? QDir::toNativeSeparators(m_url.toLocalFile())
                                                  : m_url.host(),
                             shown)
                         .toStdString()),
                false);
            return;
        }
    }
    emitProgress(false);
}

void ModelDownload::onFinished()
{
    QNetworkReply *reply = m_reply;
    if (!reply)
        return;
    if (m_accepted && !m_failed && !m_cancelled && reply->isOpen())
        onReadyRead();
    m_reply = nullptr;
    reply->deleteLater();
    if (m_failed)
        return;
    m_file.flush();
    m_file.close();
    const QNetworkReply::NetworkError error = reply->error();
    if (m_cancelled) {
        fail(makeError(ErrorCode::Cancelled,
                 ModelDownloadText::tr("cancelled at %1 of %2; starting again resumes")
                     .arg(size(m_received),
                         m_total > 0 ? size(m_total) : ModelDownloadText::tr("an unknown size"))
                     .toStdString()),
            true);
        return;
    }
    if (error == QNetworkReply::NoError && m_accepted) {
        if (m_total > 0 && m_received < m_total) {
            // The server closed early or said more than it sent: resume below.
        } else if (m_total > 0 && m_received > m_total) {
            fail(makeError(ErrorCode::Format,
                     ModelDownloadText::tr("the server sent %1 bytes, more than the %2 it announced")
                         .arg(m_received)
                         .arg(m_total)
                         .toStdString()),
                false);
            return;
        } else {
            succeed(partialPath(m_job.target));
            return;
        }
    }
    // Fell back from https? Only before any byte came, and only for the https we added.
    if (m_url != m_job.url && m_received == m_offset && m_status == 0) {
        addNotice(ModelDownloadText::tr("https to %1 failed (%2); using http")
                      .arg(m_url.host(), reply->errorString()));
        m_url = m_job.url;
        request();
        return;
    }
    if (m_status == 416 && m_offset > 0) {
        fail(
            makeError(ErrorCode::Format,
                ModelDownloadText::tr(
                    "the server has nothing past byte %1, although it announced %2 bytes: its size is wrong, "
                    "so the file cannot be trusted; the partial file is kept")
                    .arg(m_offset)
                    .arg(m_total)
                    .toStdString()),
            true);
        return;
    }
    if (m_status >= 400 || error == QNetworkReply::TooManyRedirectsError
        || error == QNetworkReply::InsecureRedirectError || error == QNetworkReply::ContentNotFoundError
        || error == QNetworkReply::ProtocolUnknownError || error == QNetworkReply::HostNotFoundError) {
        const QString reason = m_status >= 400
            ? ModelDownloadText::tr("the server answered %1 %2")
                  .arg(m_status)
                  .arg(reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString())
            : reply->errorString();
        const ErrorCode code = m_status == 404 || error == QNetworkReply::ContentNotFoundError
            ? ErrorCode::NotFound
            : ErrorCode::Io;
        fail(makeError(code,
                 ModelDownloadText::tr("cannot download %1: %2")
                     .arg(m_job.url.toDisplayString(), reason)
                     .toStdString()),
            true);
        return;
    }
    // A dropped connection, a stall, or a short body: resume from where it stopped.
    const QString why = error == QNetworkReply::NoError
        ? ModelDownloadText::tr("the connection ended after %1 of %2").arg(size(m_received), size(m_total))
        : ModelDownloadText::tr("%1, at %2").arg(reply->errorString(), size(m_received));
    if (m_retriesLeft > 0 && m_received > 0) {
        --m_retriesLeft;
        addNotice(ModelDownloadText::tr("%1; resuming").arg(why));
        m_retryPending = true;
        QTimer::singleShot(m_retryDelayMs, this, [this] {
            if (m_cancelled) {
                m_retryPending = false;
                fail(makeError(ErrorCode::Cancelled,
                         ModelDownloadText::tr("cancelled at %1; starting again resumes")
                             .arg(size(m_received))
                             .toStdString()),
                    true);
                return;
            }
            request();
        });
        m_retryDelayMs *= 2;
        return;
    }
    fail(makeError(ErrorCode::Io,
             ModelDownloadText::tr(
                 "cannot download %1: %2; the %3 received are kept, and starting again resumes")
                 .arg(m_job.url.toDisplayString(), why, size(m_received))
                 .toStdString()),
        true);
}

bool ModelDownload::checkFreeSpace(qint64 fileSize)
{
    const qint64 need = fileSize - m_offset + qint64(m_job.extraFraction * double(fileSize));
    const QString folder = QFileInfo(m_job.target).absolutePath();
    const qint64 free = freeDiskBytes(folder);
    if (free < 0 || need <= free)
        return true;
    fail(makeError(ErrorCode::Io,
             ModelDownloadText::tr("not enough free space in %1: %2 needed, %3 free")
                 .arg(QDir::toNativeSeparators(folder), size(need), size(free))
                 .toStdString()),
        true);
    return false;
}

void ModelDownload::cancel()
{
    m_cancelled = true;
    if (m_reply) {
        m_reply->abort(); // finished() follows at once
    } else if (m_retryPending) {
        m_retryPending = false;
        fail(makeError(ErrorCode::Cancelled,
                 ModelDownloadText::tr("cancelled at %1; starting again resumes")
                     .arg(size(m_received))
                     .toStdString()),
            true);
    }
}

void ModelDownload::succeed(const QString &file)
{
    // A finished file that fails a check goes, so that nothing can load it.
    const bool earlier = file == m_job.target;
    const auto reject = [&](Error error, bool resumable) {
        if (earlier)
            QFile::remove(m_job.target);
        fail(std::move(error), resumable && !earlier);
    };
    const QString partial = file;
    const qint64 actual = QFileInfo(partial).size();
    if (m_job.expectedSize > 0 && actual != m_job.expectedSize) {
        if (actual < m_job.expectedSize) {
            reject(makeError(ErrorCode::Io,
                       ModelDownloadText::tr("the download stopped at %1 of %2 bytes; starting again resumes")
                           .arg(actual)
                           .arg(m_job.expectedSize)
                           .toStdString()),
                true);
        } else {
            reject(makeError(ErrorCode::Format,
                       ModelDownloadText::tr("the file has %1 bytes, not the %2 expected: it was deleted")
                           .arg(actual)
                           .arg(m_job.expectedSize)
                           .toStdString()),
                false);
        }
        return;
    }
    if (actual < kHeadBytes) {
        reject(makeError(ErrorCode::Format,
                   ModelDownloadText::tr(
                       "the server sent %n byte(s), which is not a checkpoint", nullptr, int(actual))
                       .toStdString()),
            false);
        return;
    }
    bool read = false;
    const QString sha = hashFile(partial, &read);
    if (!read) {
        fail(
            makeError(ErrorCode::Io,
                ModelDownloadText::tr("cannot read %1").arg(QDir::toNativeSeparators(partial)).toStdString()),
            true);
        return;
    }
    if (!m_job.expectedSha256.isEmpty() && sha != m_job.expectedSha256.toLower()) {
        reject(makeError(ErrorCode::Format,
                   ModelDownloadText::tr("the file's sha256 is %1, not the %2 expected: it was deleted")
                       .arg(sha, m_job.expectedSha256)
                       .toStdString()),
            false);
        return;
    }
    if (!earlier && (QFileInfo::exists(m_job.target) || !QFile::rename(partial, m_job.target))) {
        fail(makeError(ErrorCode::Io,
                 ModelDownloadText::tr("cannot rename %1 to %2")
                     .arg(QDir::toNativeSeparators(partial), QDir::toNativeSeparators(m_job.target))
                     .toStdString()),
            true);
        return;
    }
    QFile::remove(partialStatePath(m_job.target));
    m_outcome.path = m_job.target;
    m_outcome.size = actual;
    m_outcome.sha256 = sha;
    m_result = m_outcome;
    m_received = actual;
    m_total = actual;
    emitProgress(true);
    QTimer::singleShot(0, this, [this] { Q_EMIT finished(); });
}

void ModelDownload::fail(Error error, bool keepPartial)
{
    m_failed = true;
    if (m_reply) {
        QNetworkReply *reply = m_reply;
        m_reply = nullptr;
        reply->disconnect(this);
        reply->abort();
        reply->deleteLater();
    }
    if (m_file.isOpen())
        m_file.close();
    if (!keepPartial) {
        QFile::remove(partialPath(m_job.target));
        QFile::remove(partialStatePath(m_job.target));
    } else if (partialBytes(m_job.target) == 0) {
        QFile::remove(partialPath(m_job.target));
    }
    // A folder this download made and left empty goes too (rmdir fails on anything else).
    if (partialBytes(m_job.target) == 0 && !QFileInfo::exists(m_job.target))
        QDir().rmdir(QFileInfo(m_job.target).absolutePath());
    m_result = std::move(error);
    // Always after start() has returned, so that callers can connect first.
    QTimer::singleShot(0, this, [this] { Q_EMIT finished(); });
}

bool ModelDownload::writeState()
{
    json::Json s = json::Json::object();
    s["url"] = m_job.url.toString().toStdString();
    s["etag"] = m_etag.toStdString();
    s["last_modified"] = m_lastModified.toStdString();
    s["total"] = m_total;
    QFile f(partialStatePath(m_job.target));
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    const std::string text = json::dump(s, 2) + '\n';
    return f.write(text.data(), qint64(text.size())) == qint64(text.size());
}

void ModelDownload::addNotice(const QString &text)
{
    m_outcome.notices.append(text);
    Q_EMIT notice(text);
}

void ModelDownload::emitProgress(bool force)
{
    const qint64 now = m_clock.elapsed();
    if (!force && m_lastEmitMs >= 0 && now - m_lastEmitMs < kProgressEveryMs)
        return;
    const qint64 span = now - m_rateMs;
    if (span >= 500) {
        const double current = double(m_rateBytes) * 1000.0 / double(span);
        m_rate = m_rate > 0 ? 0.7 * m_rate + 0.3 * current : current;
        m_rateBytes = 0;
        m_rateMs = now;
    }
    m_lastEmitMs = now;
    DownloadProgress p;
    p.received = m_received;
    p.total = m_total;
    p.bytesPerSecond = m_rate;
    p.secondsLeft = m_total > 0 && m_rate > 0 ? double(m_total - m_received) / m_rate : -1;
    Q_EMIT progress(p);
}

} // namespace mplug2::app
