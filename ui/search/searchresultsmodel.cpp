#include "ui/search/searchresultsmodel.h"

#include <QFileInfo>
#include <QFutureWatcher>
#include <QtConcurrent>

#include <cmath>

namespace mplug2::ui {

namespace {

using MomentPictures = QHash<qint64, QImage>;

/// On a worker thread, with a catalog of its own: the GUI thread's stays with it.
MomentPictures readMomentPictures(const QString &location, const QList<qint64> &ids)
{
    MomentPictures pictures;
    Expected<std::unique_ptr<app::Catalog>> catalog = app::Catalog::open(location);
    if (!catalog)
        return pictures;
    for (qint64 id : ids)
        if (Expected<QByteArray> jpeg = (*catalog)->momentThumbnail(id); jpeg && !jpeg->isEmpty())
            if (QImage image = QImage::fromData(*jpeg); !image.isNull())
                pictures.insert(id, image);
    return pictures;
}

QString clockText(double seconds)
{
    const int tenths = int(std::lround(std::max(0.0, seconds) * 10.0));
    return QStringLiteral("%1:%2.%3")
        .arg(tenths / 600)
        .arg((tenths / 10) % 60, 2, 10, QLatin1Char('0'))
        .arg(tenths % 10);
}

} // namespace

QString SearchResultsModel::timeRangeText(double startSeconds, double endSeconds)
{
    return clockText(startSeconds) + QStringLiteral("\u2013") + clockText(endSeconds);
}

SearchResultsModel::SearchResultsModel(QObject *parent)
    : QAbstractListModel(parent)
{ }

SearchResultsModel::~SearchResultsModel() = default;

void SearchResultsModel::setResults(const app::SearchResults &results, const QString &catalogLocation)
{
    beginResetModel();
    m_results = results;
    m_thumbnails.clear();
    m_momentThumbnails.clear();
    m_previewRow = -1;
    m_previewFrame = 0;
    if (!m_catalog || m_catalogLocation != catalogLocation) {
        m_catalog.reset();
        m_catalogLocation = catalogLocation;
        // A server location is no file: it is opened as it is (a missing file is no catalog yet).
        const bool exists
            = app::Catalog::isServerLocation(catalogLocation) || QFileInfo::exists(catalogLocation);
        if (!catalogLocation.isEmpty() && exists)
            if (auto opened = app::Catalog::open(catalogLocation))
                m_catalog = std::move(*opened);
    }
    endResetModel();
    loadMomentThumbnails();
}

void SearchResultsModel::loadMomentThumbnails()
{
    // A read for results shown before is no longer watched; what it brings is dropped.
    delete m_momentLoad;
    QList<qint64> ids;
    for (const app::SearchHit &h : std::as_const(m_results.hits))
        if (h.moment)
            ids.append(h.moment->id);
    if (ids.isEmpty() || !m_catalog)
        return;
    auto *watcher = new QFutureWatcher<MomentPictures>(this);
    m_momentLoad = watcher;
    connect(watcher, &QFutureWatcher<MomentPictures>::finished, this, [this, watcher] {
        watcher->deleteLater();
        if (m_momentLoad != watcher)
            return;
        m_momentLoad = nullptr;
        m_momentThumbnails = watcher->result();
        for (int row = 0; row < rowCount(); ++row)
            if (m_results.hits.at(row).moment)
                Q_EMIT dataChanged(index(row), index(row), {Qt::DecorationRole});
        Q_EMIT momentThumbnailsLoaded();
    });
    watcher->setFuture(QtConcurrent::run(readMomentPictures, m_catalogLocation, ids));
}

void SearchResultsModel::clear()
{
    setResults({}, {});
}

const app::SearchHit *SearchResultsModel::hit(int row) const
{
    return row >= 0 && row < m_results.hits.size() ? &m_results.hits.at(row) : nullptr;
}

int SearchResultsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_results.hits.size());
}

const QList<QImage> &SearchResultsModel::thumbnailsOf(int row) const
{
    const app::SearchHit &h = m_results.hits.at(row);
    auto it = m_thumbnails.find(h.entry.id);
    if (it == m_thumbnails.end()) {
        QList<QImage> images;
        if (m_catalog && h.entry.id > 0)
            if (auto jpegs = m_catalog->thumbnails(h.entry.id))
                for (const QByteArray &jpeg : *jpegs)
                    if (QImage image = QImage::fromData(jpeg); !image.isNull())
                        images.append(image);
        it = m_thumbnails.insert(h.entry.id, images);
    }
    return *it;
}

QVariant SearchResultsModel::data(const QModelIndex &index, int role) const
{
    const app::SearchHit *h = index.isValid() ? hit(index.row()) : nullptr;
    if (!h)
        return {};
    switch (role) {
    case Qt::DisplayRole:
        return h->text.isEmpty() ? QFileInfo(h->entry.path).fileName() : h->text;
    case CaptionRole:
        return h->entry.caption;
    case Qt::ToolTipRole: {
        QString tip = h->text.isEmpty() ? h->entry.path : h->text;
        if (!h->entry.caption.isEmpty())
            tip += QLatin1Char('\n') + h->entry.caption;
        tip += QLatin1Char('\n') + tr("similarity %1").arg(h->similarity, 0, 'f', 4);
        if (h->rerankScore)
            tip += QLatin1Char('\n') + tr("model score %1").arg(*h->rerankScore, 0, 'f', 4);
        if (h->moment)
            tip += QLatin1Char('\n')
                + tr("moment %1 (shot %2)")
                      .arg(timeRangeText(h->moment->startSeconds, h->moment->endSeconds))
                      .arg(h->moment->shot + 1);
        else if (h->entry.kind == app::MediaKind::Video && h->entry.durationSeconds > 0)
            tip += QLatin1Char('\n') + tr("%1 s").arg(h->entry.durationSeconds, 0, 'f', 1);
        return tip;
    }
    case TimeRangeRole:
        return h->moment ? timeRangeText(h->moment->startSeconds, h->moment->endSeconds) : QString();
    case Qt::DecorationRole: {
        if (!h->text.isEmpty())
            return {};
        if (h->moment) {
            const auto picture = m_momentThumbnails.constFind(h->moment->id);
            if (picture != m_momentThumbnails.constEnd())
                return *picture;
        }
        const QList<QImage> &frames = thumbnailsOf(index.row());
        if (frames.isEmpty())
            return {};
        // Position 0 is the poster; the hover preview runs over the rest.
        if (index.row() == m_previewRow && frames.size() > 1)
            return frames.at(1 + m_previewFrame % (frames.size() - 1));
        return frames.first();
    }
    case PathRole:
        return h->entry.path;
    case ScoreRole:
        return h->score;
    case SimilarityRole:
        return h->similarity;
    case RerankedRole:
        return h->rerankScore.has_value();
    case KindRole:
        return int(h->entry.kind);
    case PreviewFramesRole:
        // A moment shows its own picture: the file's preview would be another part of the video.
        return h->text.isEmpty() && !h->moment ? int(thumbnailsOf(index.row()).size()) : 0;
    default:
        return {};
    }
}

void SearchResultsModel::setPreviewRow(int row)
{
    if (row == m_previewRow)
        return;
    const int old = m_previewRow;
    m_previewRow = row;
    m_previewFrame = 0;
    for (int r : {old, row})
        if (r >= 0 && r < rowCount())
            Q_EMIT dataChanged(index(r), index(r), {Qt::DecorationRole});
}

void SearchResultsModel::advancePreview()
{
    if (m_previewRow < 0 || m_previewRow >= rowCount())
        return;
    ++m_previewFrame;
    Q_EMIT dataChanged(index(m_previewRow), index(m_previewRow), {Qt::DecorationRole});
}

} // namespace mplug2::ui
