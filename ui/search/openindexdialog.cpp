#include "ui/search/openindexdialog.h"

#include "app/retrieval/catalog.h"
#include "app/retrieval/postgrescatalog.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QSpinBox>
#include <QTreeWidget>
#include <QUrl>
#include <QVBoxLayout>
#include <QtConcurrent>

#include <algorithm>

namespace mplug2::ui {

namespace {

const QString kRecentKey = QStringLiteral("search/recentIndexes");

using Options = QList<QPair<QString, QString>>;

/// The Options field: `key=value` pairs apart by spaces or '&', a value with
/// spaces in single quotes (\' and \\ inside), as in a libpq connection string.
Expected<Options> parseOptions(const QString &text)
{
    Options options;
    qsizetype i = 0;
    const auto isGap = [&text](qsizetype at) { return text.at(at).isSpace() || text.at(at) == u'&'; };
    while (i < text.size()) {
        if (isGap(i)) {
            ++i;
            continue;
        }
        const qsizetype start = i;
        while (i < text.size() && !isGap(i) && text.at(i) != u'=')
            ++i;
        const QString key = text.mid(start, i - start);
        if (i >= text.size() || text.at(i) != u'=' || key.isEmpty())
            return makeError(ErrorCode::InvalidArgument,
                OpenIndexDialog::tr("Options: '%1' is not of the form name=value.")
                    .arg(text.mid(start, i - start))
                    .toStdString());
        ++i;
        QString value;
        if (i < text.size() && text.at(i) == u'\'') {
            ++i;
            bool closed = false;
            while (i < text.size() && !closed) {
                if (text.at(i) == u'\\' && i + 1 < text.size()) {
                    value += text.at(i + 1);
                    i += 2;
                } else if (text.at(i) == u'\'') {
                    closed = true;
                    ++i;
                } else {
                    value += text.at(i++);
                }
            }
            if (!closed)
                return makeError(ErrorCode::InvalidArgument,
                    OpenIndexDialog::tr("Options: the value of '%1' lacks its closing quote.")
                        .arg(key)
                        .toStdString());
        } else {
            while (i < text.size() && !isGap(i))
                value += text.at(i++);
        }
        options.append({key, value});
    }
    return options;
}

/// The Options field again, for a location chosen from the recent list.
QString formatOptions(const Options &options)
{
    QStringList items;
    for (const auto &[key, value] : options) {
        const bool plain = !value.isEmpty() && std::none_of(value.begin(), value.end(), [](QChar c) {
            return c.isSpace() || c == u'&' || c == u'\'' || c == u'\\';
        });
        QString written = value;
        if (!plain) {
            written.replace(u'\\', QStringLiteral("\\\\")).replace(u'\'', QStringLiteral("\\'"));
            written = QLatin1Char('\'') + written + QLatin1Char('\'');
        }
        items.append(key + QLatin1Char('=') + written);
    }
    return items.join(u' ');
}

/// `location` fully percent-encoded, or why PostgresCatalog cannot use it.
Expected<QString> checkedUri(const QString &location)
{
    const Expected<app::PostgresAddress> address = app::PostgresCatalog::parseUri(location);
    if (!address)
        return address.error();
    // Not address->display: decoded for reading, a user name with a space in it would not parse again.
    return QUrl(location, QUrl::StrictMode).toString(QUrl::FullyEncoded);
}

} // namespace

OpenIndexDialog::OpenIndexDialog(QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("openIndexDialog"));
    setWindowTitle(tr("Open Index"));

    m_recent = new QTreeWidget(this);
    m_recent->setObjectName(QStringLiteral("recentIndexes"));
    m_recent->setAccessibleName(tr("Recent indexes"));
    m_recent->setHeaderHidden(true);
    m_recent->setColumnCount(2);
    m_recent->setRootIsDecorated(false);
    m_recent->setTextElideMode(Qt::ElideMiddle); // long paths and URIs keep both ends
    m_recent->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_recent->setMaximumHeight(m_recent->fontMetrics().height() * 6);
    auto *recentLabel = new QLabel(tr("&Recent:"), this);
    recentLabel->setBuddy(m_recent);
    for (const QString &location : recentLocations()) {
        const bool server = app::Catalog::isServerLocation(location);
        auto *item = new QTreeWidgetItem(m_recent,
            {IndexLocation::displayName(location), server ? location : QDir::toNativeSeparators(location)});
        item->setData(0, Qt::UserRole, location);
        item->setToolTip(0, location);
        item->setToolTip(1, location);
    }
    m_recent->resizeColumnToContents(0);
    recentLabel->setVisible(m_recent->topLevelItemCount() > 0);
    m_recent->setVisible(m_recent->topLevelItemCount() > 0);

    m_form = new QWidget(this);
    m_fileChoice = new QRadioButton(tr("An index &file"), m_form);
    m_fileChoice->setObjectName(QStringLiteral("fileChoice"));
    m_fileChoice->setChecked(true);
    m_path = new QLineEdit(m_form);
    m_path->setObjectName(QStringLiteral("indexPath"));
    m_path->setAccessibleName(tr("Index file"));
    m_path->setPlaceholderText(tr("an existing index, or a new file's name to create one"));
    auto *browse = new QPushButton(tr("&Browse…"), m_form);
    browse->setObjectName(QStringLiteral("browse"));
    auto *fileFields = new QWidget(m_form);
    auto *fileRow = new QHBoxLayout(fileFields);
    fileRow->addWidget(m_path, 1);
    fileRow->addWidget(browse);

    m_serverChoice = new QRadioButton(tr("A shared index on a &PostgreSQL server"), m_form);
    m_serverChoice->setObjectName(QStringLiteral("serverChoice"));
    m_host = new QLineEdit(m_form);
    m_host->setObjectName(QStringLiteral("host"));
    m_host->setPlaceholderText(tr("e.g. db.example.org"));
    m_host->setAccessibleName(tr("Host"));
    m_port = new QSpinBox(m_form);
    m_port->setObjectName(QStringLiteral("port"));
    m_port->setRange(1, 65535);
    m_port->setValue(kDefaultPort);
    m_port->setAccessibleName(tr("Port"));
    m_database = new QLineEdit(m_form);
    m_database->setObjectName(QStringLiteral("database"));
    m_database->setAccessibleName(tr("Database"));
    m_user = new QLineEdit(m_form);
    m_user->setObjectName(QStringLiteral("user"));
    m_user->setPlaceholderText(tr("your login name if empty"));
    m_user->setAccessibleName(tr("User"));
    m_options = new QLineEdit(m_form);
    m_options->setObjectName(QStringLiteral("options"));
    m_options->setPlaceholderText(tr("optional, e.g. sslmode=require connect_timeout=10"));
    m_options->setAccessibleName(tr("Connection options"));
    m_options->setToolTip(tr("More libpq connection parameters, as name=value apart by spaces"));
    auto *note = new QLabel(tr("There is no password here, and none is stored: it is taken from ~/.pgpass, "
                               "the PGPASSWORD variable or a PGSERVICE service file."),
        m_form);
    note->setWordWrap(true);
    note->setForegroundRole(QPalette::PlaceholderText);
    auto *hostRow = new QHBoxLayout;
    hostRow->addWidget(m_host, 1);
    auto *portLabel = new QLabel(tr("Por&t:"), m_form);
    portLabel->setBuddy(m_port);
    hostRow->addWidget(portLabel);
    hostRow->addWidget(m_port);
    auto *serverFields = new QWidget(m_form);
    auto *serverForm = new QFormLayout(serverFields);
    auto *hostLabel = new QLabel(tr("&Host:"), serverFields);
    hostLabel->setBuddy(m_host);
    serverForm->addRow(hostLabel, hostRow);
    serverForm->addRow(tr("&Database:"), m_database);
    serverForm->addRow(tr("&User:"), m_user);
    serverForm->addRow(tr("Optio&ns:"), m_options);

    auto *formLayout = new QVBoxLayout(m_form);
    formLayout->setContentsMargins(0, 0, 0, 0);
    formLayout->addWidget(m_fileChoice);
    formLayout->addWidget(fileFields);
    formLayout->addWidget(m_serverChoice);
    formLayout->addWidget(serverFields);
    formLayout->addWidget(note);
    const int indent = style()->pixelMetric(QStyle::PM_ExclusiveIndicatorWidth) * 2;
    fileFields->setContentsMargins(indent, 0, 0, 0);
    fileRow->setContentsMargins(0, 0, 0, 0);
    serverFields->setContentsMargins(indent, 0, 0, 0);
    note->setContentsMargins(indent, 0, 0, 0);
    serverForm->setContentsMargins(0, 0, 0, 0);

    m_busy = new QProgressBar(this);
    m_busy->setObjectName(QStringLiteral("busy"));
    m_busy->setRange(0, 0);
    m_busy->setTextVisible(false);
    m_busy->setMaximumWidth(120);
    m_busyText = new QLabel(this);
    auto *busyRow = new QHBoxLayout;
    busyRow->addWidget(m_busy);
    busyRow->addWidget(m_busyText, 1);
    m_busy->hide();
    m_busyText->hide();
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("openIndexError"));
    m_error->setWordWrap(true);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->hide();

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Open | QDialogButtonBox::Cancel, this);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(recentLabel);
    layout->addWidget(m_recent);
    layout->addWidget(m_form);
    layout->addLayout(busyRow);
    layout->addWidget(m_error);
    layout->addStretch(1);
    layout->addWidget(m_buttons);
    // The dialog grows with an error shown under the form rather than squeezing the form.
    layout->setSizeConstraint(QLayout::SetMinimumSize);
    resize(560, sizeHint().height());

    connect(browse, &QPushButton::clicked, this, &OpenIndexDialog::chooseFile);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &OpenIndexDialog::openIndex);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    // Typing in a field chooses its kind of index.
    connect(m_path, &QLineEdit::textEdited, m_fileChoice, [this] { m_fileChoice->setChecked(true); });
    for (QLineEdit *field : {m_host, m_database, m_user, m_options})
        connect(field, &QLineEdit::textEdited, m_serverChoice, [this] { m_serverChoice->setChecked(true); });
    connect(m_port, &QSpinBox::valueChanged, m_serverChoice, [this] {
        if (m_port->hasFocus())
            m_serverChoice->setChecked(true);
    });
    connect(m_recent, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem *item) {
        if (item)
            setLocation(item->data(0, Qt::UserRole).toString());
    });
    connect(m_recent, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) {
        setLocation(item->data(0, Qt::UserRole).toString());
        openIndex();
    });
    connect(
        &m_opening, &QFutureWatcher<IndexLocation::Check>::finished, this, &OpenIndexDialog::openingEnded);
    // Cancel while a server is slow to answer: the attempt runs out on its own, unheard.
    connect(this, &QDialog::rejected, this, [this] { m_trying.clear(); });
}

// An open still under way ends on its own on the pool thread; nobody waits for it.
OpenIndexDialog::~OpenIndexDialog() = default;

QStringList OpenIndexDialog::recentLocations()
{
    return QSettings().value(kRecentKey).toStringList().mid(0, kMaxRecent);
}

void OpenIndexDialog::rememberRecent(const QString &location)
{
    QStringList recent = recentLocations();
    recent.removeAll(location);
    recent.prepend(location);
    QSettings().setValue(kRecentKey, recent.mid(0, kMaxRecent));
}

void OpenIndexDialog::setLocation(const QString &location)
{
    showError({});
    if (!app::Catalog::isServerLocation(location)) {
        m_fileChoice->setChecked(true);
        m_path->setText(QDir::toNativeSeparators(location));
        return;
    }
    m_serverChoice->setChecked(true);
    const Expected<app::PostgresAddress> address = app::PostgresCatalog::parseUri(location);
    if (!address) {
        showError(QString::fromStdString(address.error().message));
        return;
    }
    m_host->setText(address->host);
    m_port->setValue(address->port > 0 ? address->port : kDefaultPort);
    m_database->setText(address->database);
    m_user->setText(address->user);
    m_options->setText(formatOptions(address->parameters));
}

Expected<QString> OpenIndexDialog::formLocation() const
{
    if (m_fileChoice->isChecked()) {
        QString path = m_path->text().trimmed();
        if (path.isEmpty())
            return makeError(ErrorCode::InvalidArgument,
                tr("Choose an index file, or type a new file's name to create one.").toStdString());
        if (app::Catalog::isServerLocation(path)) // a URI pasted into the file field
            return checkedUri(path);
        if (path == QStringLiteral("~") || path.startsWith(QStringLiteral("~/")))
            path = QDir::homePath() + path.mid(1);
        return QDir::cleanPath(QFileInfo(QDir::fromNativeSeparators(path)).absoluteFilePath());
    }
    const QString host = m_host->text().trimmed();
    const QString database = m_database->text().trimmed();
    if (host.isEmpty())
        return makeError(ErrorCode::InvalidArgument, tr("Enter the server's host name.").toStdString());
    if (database.isEmpty())
        return makeError(ErrorCode::InvalidArgument, tr("Enter the name of the database.").toStdString());
    const Expected<Options> options = parseOptions(m_options->text());
    if (!options)
        return options.error();
    QUrl url;
    url.setScheme(QStringLiteral("postgresql"));
    if (!m_user->text().trimmed().isEmpty())
        url.setUserName(m_user->text().trimmed(), QUrl::DecodedMode);
    url.setHost(host, QUrl::DecodedMode);
    url.setPort(m_port->value());
    url.setPath(u'/' + database, QUrl::DecodedMode);
    QStringList query;
    for (const auto &[key, value] : *options)
        query.append(
            QString::fromLatin1(QUrl::toPercentEncoding(key) + '=' + QUrl::toPercentEncoding(value)));
    if (!query.isEmpty())
        url.setQuery(query.join(u'&'), QUrl::StrictMode);
    if (!url.isValid())
        return makeError(ErrorCode::InvalidArgument,
            tr("These fields make no valid address: %1").arg(url.errorString()).toStdString());
    return checkedUri(url.toString(QUrl::FullyEncoded));
}

void OpenIndexDialog::openIndex()
{
    if (isOpening())
        return;
    const Expected<QString> location = formLocation();
    if (!location) {
        showError(QString::fromStdString(location.error().message));
        return;
    }
    showError({});
    m_trying = *location;
    m_busyText->setText(
        (app::Catalog::isServerLocation(m_trying) ? tr("Connecting to %1…") : tr("Opening %1…"))
            .arg(IndexLocation::displayName(m_trying)));
    m_busy->show();
    m_busyText->show();
    m_form->setEnabled(false);
    m_recent->setEnabled(false);
    m_buttons->button(QDialogButtonBox::Open)->setEnabled(false);
    m_isOpening = true;
    m_opening.setFuture(QtConcurrent::run(&IndexLocation::check, m_trying, IndexLocation::Create));
}

void OpenIndexDialog::openingEnded()
{
    const IndexLocation::Check found = m_opening.result();
    m_isOpening = false;
    m_busy->hide();
    m_busyText->hide();
    m_form->setEnabled(true);
    m_recent->setEnabled(true);
    m_buttons->button(QDialogButtonBox::Open)->setEnabled(true);
    if (m_trying.isEmpty())
        return;
    if (!found.error.isEmpty()) {
        showError(found.error);
        return;
    }
    m_opened = m_trying;
    rememberRecent(m_opened);
    accept();
}

void OpenIndexDialog::chooseFile()
{
    const QString start = m_path->text().trimmed().isEmpty() ? QDir::homePath() : m_path->text().trimmed();
    // A save dialog, so that a new name can be typed; an existing index is opened, not replaced.
    const QString file = QFileDialog::getSaveFileName(this, tr("Open or create an index file"), start,
        tr("Search indexes (*.sqlite);;All files (*)"), nullptr, QFileDialog::DontConfirmOverwrite);
    if (file.isEmpty())
        return;
    m_fileChoice->setChecked(true);
    m_path->setText(QDir::toNativeSeparators(file));
}

QString OpenIndexDialog::errorText() const
{
    return m_error->text();
}

void OpenIndexDialog::showError(const QString &message)
{
    m_error->setText(message);
    m_error->setVisible(!message.isEmpty());
}

} // namespace mplug2::ui
