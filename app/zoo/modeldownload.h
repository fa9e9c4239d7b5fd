#pragma once
/// Fetches one large file over HTTP(S) (or from a local mirror) with
/// progress, cancel and resume, and finishes atomically:
///
/// - bytes go to `<target>.part`, beside a `<target>.part.json` that keeps the
///   URL, ETag, Last-Modified and total size; the next start asks for the rest
///   (`Range: bytes=N-` with `If-Range`), so a cancel, a dropped connection or
///   a restart of the program loses nothing. A server that ignores Range (or
///   a file that changed there) makes it start over, and says so;
/// - a dropped connection is resumed at once, up to `retries` times;
/// - redirects are followed up to `maxRedirects`;
/// - an HTML page or an error body served instead of the file is refused
///   (Content-Type text/html, or no pickle, zip or safetensors magic);
/// - free space is checked before writing, for the file and `extraFraction`
///   of it more (an fp16 copy of an fp32 file: 0.5), once its size is known;
/// - only a complete file that passes the size and sha256 checks (when the
///   caller knows them) is renamed to `target`; a complete file that fails
///   them is deleted, never left where something could load it. A target
///   that exists already (a finished download whose import failed) is
///   checked again and finishes at once, without fetching anything.
///
///     ModelDownload download({.url = url, .target = dir + "/mPLUG2_MSVD_QA.pth"});
///     connect(&download, &ModelDownload::progress, this, &Dialog::showProgress);
///     connect(&download, &ModelDownload::finished, this, [&] { use(download.result()); });
///     download.start();        // returns at once; cancel() stops it within milliseconds
///
/// Threading: lives in the thread that created it, which needs an event loop.

#include "base/expected.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QFile>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <memory>

class QNetworkAccessManager;
class QNetworkReply;

namespace mplug2::app {

struct DownloadJob {
    QUrl url;
    QString target; ///< the finished file's path; never overwritten
    qint64 expectedSize = -1; ///< -1: unknown
    QString expectedSha256; ///< lower-case hex, "": unknown
    double extraFraction = 0; ///< free space needed besides the file, as a fraction of its size
    int maxRedirects = 8;
    int retries = 3; ///< resumes after a dropped connection
    int retryDelayMs = 1000; ///< doubled after each retry
    int stallTimeoutMs = 60000; ///< no byte for this long counts as a dropped connection
    /// For an http:// URL: try https:// first and fall back to http with a notice.
    bool httpsFirst = false;
};

struct DownloadProgress {
    qint64 received = 0; ///< bytes in the partial file, the resumed part included
    qint64 total = -1; ///< -1 until the server says
    double bytesPerSecond = 0;
    double secondsLeft = -1; ///< -1 when unknown
};

struct DownloadOutcome {
    QString path;
    qint64 size = 0;
    QString sha256;
    qint64 resumedFrom = -1; ///< the byte the last resume started at, -1: never resumed
    QStringList notices; ///< what the user should know (started over, fell back to http, ...)
};

class ModelDownload : public QObject {
    Q_OBJECT
public:
    explicit ModelDownload(DownloadJob job, QObject *parent = nullptr);
    ~ModelDownload() override;

    const DownloadJob &job() const { return m_job; }
    static QString partialPath(const QString &target);
    static QString partialStatePath(const QString &target);
    /// Bytes already in the partial file of `target` (0 when there is none).
    static qint64 partialBytes(const QString &target);

    /// Starts (or resumes); finished() follows, also for errors found at once.
    void start();
    /// Stops within milliseconds; the partial file is kept for a resume.
    void cancel();
    bool isRunning() const { return m_reply != nullptr || m_retryPending; }
    /// Valid after finished(): the file, or why there is none
    /// (ErrorCode::Cancelled after cancel()).
    const Expected<DownloadOutcome> &result() const { return m_result; }

    /// Free bytes at `folder` ($MPLUG2_FAKE_FREE_DISK for tests).
    static qint64 freeDiskBytes(const QString &folder);
    /// True when the first bytes of a file look like a checkpoint (torch zip,
    /// legacy pickle or safetensors), false for text, HTML and the rest.
    static bool looksLikeCheckpoint(const QByteArray &head);

Q_SIGNALS:
    void progress(const mplug2::app::DownloadProgress &progress);
    void notice(const QString &text);
    void finished();

private:
    void request();
    void onMetaData();
    void onReadyRead();
    void onFinished();
    void fail(Error error, bool keepPartial);
    /// False (after fail()) when the rest of a file of `fileSize` bytes, and its copy, would not fit.
    bool checkFreeSpace(qint64 fileSize);
    /// Checks `file` (the partial file, or a target finished before) and finishes with it.
    void succeed(const QString &file);
    void emitProgress(bool force);
    bool writeState();
    void addNotice(const QString &text);

    DownloadJob m_job;
    QUrl m_url; ///< what is asked now (https first, then the job's URL)
    std::unique_ptr<QNetworkAccessManager> m_network;
    QNetworkReply *m_reply = nullptr; ///< owned while it runs
    QFile m_file;
    qint64 m_offset = 0; ///< bytes in the partial file when this request started
    qint64 m_received = 0; ///< bytes in the partial file now
    qint64 m_total = -1;
    int m_status = 0;
    bool m_accepted = false; ///< the response's body is the file
    bool m_headChecked = false;
    bool m_cancelled = false;
    bool m_retryPending = false;
    bool m_failed = false;
    int m_retriesLeft = 0;
    int m_retryDelayMs = 0;
    QByteArray m_etag;
    QByteArray m_lastModified;
    QElapsedTimer m_clock;
    qint64 m_lastEmitMs = -1;
    qint64 m_rateBytes = 0;
    qint64 m_rateMs = 0;
    double m_rate = 0;
    DownloadOutcome m_outcome;
    Expected<DownloadOutcome> m_result;
};

} // namespace mplug2::app

Q_DECLARE_METATYPE(mplug2::app::DownloadProgress)
