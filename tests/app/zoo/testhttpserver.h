#pragma once
// A small HTTP/1.1 server on a loopback port, in its own thread (so that a
// test can wait on a child process while it serves), for download tests.
// It serves one file under several paths, each a way to misbehave:
//
//   /ok/NAME        the file, with ETag and Range support
//   /trickle/NAME   the same, slowly (32 KiB every 20 ms unless told otherwise)
//   /drop/NAME      the first request stops at 40% and closes; later ones behave
//   /norange/NAME   ignores Range (always 200 and the whole file)
//   /missing/NAME   404 with a text body
//   /html/NAME      200, text/html, a login page
//   /htmlplain/NAME 200, application/octet-stream, a login page anyway
//   /lie/NAME       announces 25% more than it sends, then closes
//   /loop/NAME      redirects to itself
//   /redirect/NAME  one redirect to /ok/NAME
//
// Every request is logged with its path, Range header and the body bytes sent.
#include <QByteArray>
#include <QHash>
#include <QMutex>
#include <QMutexLocker>
#include <QSemaphore>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>
#include <QTimer>

#include <cctype>
#include <memory>

namespace mplug2::test {

struct HttpLogEntry {
    QByteArray path;
    QByteArray range; ///< "" when none was sent
    QByteArray ifRange;
    int status = 0;
    qint64 bodyStart = 0; ///< the first byte of the file the body held
    qint64 bodyBytes = 0; ///< body bytes written
};

class TestHttpServer : public QThread {
public:
    /// `trickleBytes`: what /trickle/ sends every 20 ms.
    explicit TestHttpServer(QByteArray file, int trickleBytes = 32 * 1024)
        : m_file(std::move(file))
        , m_trickleBytes(trickleBytes)
    {
        start();
        m_ready.acquire();
    }
    ~TestHttpServer() override
    {
        quit();
        wait();
    }

    quint16 port() const { return m_port; }
    QByteArray url(const QByteArray &mode, const QByteArray &name) const
    {
        return "http://127.0.0.1:" + QByteArray::number(m_port) + '/' + mode + '/' + name;
    }
    QList<HttpLogEntry> log() const
    {
        QMutexLocker lock(&m_mutex);
        return m_log;
    }
    void clearLog()
    {
        QMutexLocker lock(&m_mutex);
        m_log.clear();
        m_dropped.clear();
    }

protected:
    void run() override
    {
        QTcpServer server;
        server.listen(QHostAddress::LocalHost, 0);
        m_port = server.serverPort();
        QObject::connect(&server, &QTcpServer::newConnection, [&] {
            while (QTcpSocket *socket = server.nextPendingConnection())
                serve(socket);
        });
        m_ready.release();
        exec();
    }

private:
    void serve(QTcpSocket *socket)
    {
        auto buffer = std::make_shared<QByteArray>();
        QObject::connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        QObject::connect(socket, &QTcpSocket::readyRead, socket, [this, socket, buffer] {
            buffer->append(socket->readAll());
            if (!buffer->isEmpty() && !std::isalpha(uchar(buffer->at(0)))) {
                socket->abort(); // not HTTP (e.g. a TLS handshake): refused at once, as a plain server does
                return;
            }
            const qsizetype end = buffer->indexOf("\r\n\r\n");
            if (end < 0 || socket->property("answered").toBool())
                return;
            socket->setProperty("answered", true);
            respond(socket, buffer->left(end));
        });
    }

    static QByteArray header(const QList<QByteArray> &lines, const QByteArray &name)
    {
        for (const QByteArray &line : lines) {
            const qsizetype colon = line.indexOf(':');
            if (colon > 0 && line.left(colon).trimmed().toLower() == name.toLower())
                return line.mid(colon + 1).trimmed();
        }
        return {};
    }

    void record(const HttpLogEntry &entry)
    {
        QMutexLocker lock(&m_mutex);
        m_log.append(entry);
    }

    static void send(QTcpSocket *socket, int status, const QByteArray &reason,
        const QList<QByteArray> &headers, const QByteArray &body)
    {
        QByteArray head = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reason + "\r\n";
        for (const QByteArray &h : headers)
            head += h + "\r\n";
        head += "Connection: close\r\n\r\n";
        socket->write(head);
        socket->write(body);
        socket->disconnectFromHost();
    }

    void respond(QTcpSocket *socket, const QByteArray &request)
    {
        const QList<QByteArray> lines = request.split('\n');
        const QList<QByteArray> first = lines.value(0).trimmed().split(' ');
        const QByteArray path = first.value(1);
        const QList<QByteArray> parts = path.split('/'); // "", mode, name
        const QByteArray mode = parts.value(1);
        const QByteArray name = parts.value(2);
        HttpLogEntry entry;
        entry.path = path;
        entry.range = header(lines, "Range");
        entry.ifRange = header(lines, "If-Range");
        const QByteArray etag = "\"v1-" + QByteArray::number(m_file.size()) + '"';

        if (mode == "missing") {
            entry.status = 404;
            record(entry);
            send(socket, 404, "Not Found", {"Content-Type: text/plain", "Content-Length: 9"}, "not found");
            return;
        }
        if (mode == "loop") {
            entry.status = 302;
            record(entry);
            send(socket, 302, "Found", {"Location: /loop/" + name, "Content-Length: 0"}, {});
            return;
        }
        if (mode == "redirect") {
            entry.status = 302;
            record(entry);
            send(socket, 302, "Found", {"Location: /ok/" + name, "Content-Length: 0"}, {});
            return;
        }
        if (mode == "html" || mode == "htmlplain") {
            const QByteArray page = "<!DOCTYPE html><html><body>Please log in</body></html>";
            entry.status = 200;
            entry.bodyBytes = page.size();
            record(entry);
            send(socket, 200, "OK",
                {mode == "html" ? "Content-Type: text/html; charset=utf-8"
                                : "Content-Type: application/octet-stream",
                    "Content-Length: " + QByteArray::number(page.size())},
                page);
            return;
        }

        qint64 from = 0;
        const bool rangeHonoured = mode != "norange" && entry.range.startsWith("bytes=")
            && (entry.ifRange.isEmpty() || entry.ifRange == etag);
        if (rangeHonoured)
            from = entry.range.mid(6, entry.range.indexOf('-') - 6).toLongLong();
        if (from >= m_file.size() && m_file.size() > 0) {
            entry.status = 416;
            record(entry);
            send(socket, 416, "Range Not Satisfiable",
                {"Content-Range: bytes */" + QByteArray::number(m_file.size()), "Content-Length: 0"}, {});
            return;
        }
        QList<QByteArray> headers = {"Content-Type: application/octet-stream", "ETag: " + etag};
        if (mode != "norange")
            headers.append("Accept-Ranges: bytes");
        const QByteArray body = m_file.mid(from);
        qint64 sendBytes = body.size();
        qint64 announced = body.size();
        bool close = false;
        if (mode == "drop") {
            QMutexLocker lock(&m_mutex);
            if (!m_dropped.contains(name)) {
                m_dropped.insert(name, true);
                sendBytes = m_file.size() * 4 / 10 - from;
                close = true;
            }
        } else if (mode == "lie") {
            announced = body.size() + body.size() / 4;
        }
        headers.append("Content-Length: " + QByteArray::number(announced));
        if (from > 0) {
            entry.status = 206;
            headers.append("Content-Range: bytes " + QByteArray::number(from) + '-'
                + QByteArray::number(m_file.size() - 1) + '/' + QByteArray::number(m_file.size()));
        } else {
            entry.status = 200;
        }
        entry.bodyStart = from;
        entry.bodyBytes = sendBytes;
        record(entry);
        QByteArray head = "HTTP/1.1 " + QByteArray::number(entry.status)
            + (entry.status == 206 ? " Partial Content\r\n" : " OK\r\n");
        for (const QByteArray &h : headers)
            head += h + "\r\n";
        head += "Connection: close\r\n\r\n";
        socket->write(head);
        const QByteArray payload = body.left(sendBytes);
        if (mode != "trickle") {
            socket->write(payload);
            if (close) {
                // The connection ends before the announced length: a drop.
                socket->disconnectFromHost();
            } else {
                socket->disconnectFromHost();
            }
            return;
        }
        auto offset = std::make_shared<qint64>(0);
        auto *timer = new QTimer(socket);
        const int chunkBytes = m_trickleBytes;
        QObject::connect(timer, &QTimer::timeout, socket, [socket, timer, payload, offset, chunkBytes] {
            if (socket->state() != QAbstractSocket::ConnectedState) {
                timer->stop();
                return;
            }
            const QByteArray chunk = payload.mid(*offset, chunkBytes);
            *offset += chunk.size();
            socket->write(chunk);
            if (*offset >= payload.size()) {
                timer->stop();
                socket->disconnectFromHost();
            }
        });
        timer->start(20);
    }

    QByteArray m_file;
    int m_trickleBytes = 32 * 1024;
    quint16 m_port = 0;
    QSemaphore m_ready;
    mutable QMutex m_mutex;
    QList<HttpLogEntry> m_log;
    QHash<QByteArray, bool> m_dropped;
};

} // namespace mplug2::test
