#include "ui/task/taskpanel.h"

#include "ui/task/taskoptionswidget.h"
#include "ui/theme/paletteicon.h"

#include <QBoxLayout>
#include <QButtonGroup>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QSettings>
#include <QStackedWidget>
#include <QToolButton>

namespace mplug2::ui {

namespace {
constexpr int kMaxQuestionHistory = 30;

QStringList splitList(const QString &text)
{
    QStringList items;
    for (const QString &part : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const QString item = part.trimmed();
        if (!item.isEmpty())
            items.append(item);
    }
    return items;
}
} // namespace

TaskPanel::TaskPanel(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("taskPanel"));
    setAccessibleName(tr("Task"));

    m_hint = new QLabel(this);
    m_hint->setWordWrap(true);
    m_hint->setObjectName(QStringLiteral("taskHint"));
    m_hint->setForegroundRole(QPalette::PlaceholderText);

    m_run = new QPushButton(this);
    m_run->setObjectName(QStringLiteral("runButton"));
    m_run->setDefault(true);
    m_run->setIcon(paletteIcon(QStringLiteral("run")));
    m_run->setMinimumHeight(32);
    connect(m_run, &QPushButton::clicked, this, &TaskPanel::run);

    m_optionsToggle = new QToolButton(this);
    m_optionsToggle->setObjectName(QStringLiteral("optionsToggle"));
    m_optionsToggle->setText(tr("Options"));
    m_optionsToggle->setCheckable(true);
    m_optionsToggle->setAutoRaise(true);
    m_optionsToggle->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_optionsToggle->setArrowType(Qt::RightArrow);
    m_options = new TaskOptionsWidget(this);
    auto *optionsScroll = new QScrollArea(this);
    optionsScroll->setWidget(m_options);
    optionsScroll->setWidgetResizable(true);
    optionsScroll->setFrameShape(QFrame::NoFrame);
    optionsScroll->setVisible(false);
    connect(m_optionsToggle, &QToolButton::toggled, this, [this, optionsScroll](bool open) {
        optionsScroll->setVisible(open);
        m_optionsToggle->setArrowType(open ? Qt::DownArrow : Qt::RightArrow);
    });

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(createTaskButtons());
    layout->addWidget(createInputs());
    layout->addWidget(m_hint);
    layout->addWidget(m_run);
    layout->addWidget(m_optionsToggle);
    layout->addWidget(optionsScroll, 1);
    layout->addStretch(0);
    setTask(StudioTask::Caption);
}

QWidget *TaskPanel::createTaskButtons()
{
    auto *row = new QWidget(this);
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    m_tasks = new QButtonGroup(this);
    const struct {
        StudioTask task;
        const char *icon;
        QString text;
        QString objectName;
    } tasks[] = {
        {StudioTask::Caption, "caption", tr("Caption"), QStringLiteral("taskCaption")},
        {StudioTask::DenseCaption, "dense-caption", tr("Dense"), QStringLiteral("taskDense")},
        {StudioTask::Ask, "ask", tr("Ask"), QStringLiteral("taskAsk")},
        {StudioTask::Classify, "classify", tr("Classify"), QStringLiteral("taskClassify")},
        {StudioTask::Search, "search", tr("Search"), QStringLiteral("taskSearch")},
    };
    for (const auto &t : tasks) {
        auto *button = new QToolButton(row);
        button->setObjectName(t.objectName);
        button->setText(t.text);
        button->setAccessibleName(t.text);
        button->setIcon(paletteIcon(QString::fromLatin1(t.icon)));
        button->setIconSize(QSize(20, 20));
        button->setCheckable(true);
        button->setAutoRaise(true);
        button->setToolButtonStyle(Qt::ToolButtonTextUnderIcon);
        button->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
        m_tasks->addButton(button, int(t.task));
        layout->addWidget(button);
    }
    m_tasks->button(int(StudioTask::DenseCaption))
        ->setToolTip(tr("Dense captions: one caption per time window"));
    connect(
        m_tasks, &QButtonGroup::idClicked, this, [this](int id) { setTask(static_cast<StudioTask>(id)); });
    return row;
}

QWidget *TaskPanel::createInputs()
{
    m_inputs = new QStackedWidget(this);
    m_inputs->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);

    m_inputs->addWidget(new QWidget(m_inputs)); // caption: nothing to type

    auto *dense = new QWidget(m_inputs);
    auto *denseForm = new QFormLayout(dense);
    denseForm->setContentsMargins(0, 0, 0, 0);
    m_windowMode = new QComboBox(dense);
    m_windowMode->setObjectName(QStringLiteral("windowModeBox"));
    m_windowMode->addItem(tr("Fixed windows"), int(app::CaptionWindows::Fixed));
    m_windowMode->addItem(tr("By shot"), int(app::CaptionWindows::Shots));
    m_windowMode->setAccessibleName(tr("Window mode"));
    m_windowMode->setToolTip(tr("Fixed windows: one caption every window length. By shot: one caption per "
                                "shot of the video, long shots cut at the window length."));
    denseForm->addRow(tr("&Cut:"), m_windowMode);
    m_window = new QDoubleSpinBox(dense);
    m_window->setObjectName(QStringLiteral("windowSpin"));
    m_window->setRange(0.5, 3600.0);
    m_window->setValue(m_fixedWindowSeconds);
    m_window->setSuffix(tr(" s"));
    m_window->setAccessibleName(tr("Window length"));
    denseForm->addRow(tr("&Window:"), m_window);
    connect(m_windowMode, &QComboBox::currentIndexChanged, this, &TaskPanel::windowModeChanged);
    connect(m_window, &QDoubleSpinBox::valueChanged, this, [this](double seconds) {
        (captionWindows() == app::CaptionWindows::Shots ? m_shotWindowSeconds : m_fixedWindowSeconds)
            = seconds;
    });
    m_inputs->addWidget(dense);

    auto *ask = new QWidget(m_inputs);
    auto *askForm = new QFormLayout(ask);
    askForm->setContentsMargins(0, 0, 0, 0);
    m_question = new QComboBox(ask);
    m_question->setObjectName(QStringLiteral("questionBox"));
    m_question->setEditable(true);
    m_question->setInsertPolicy(QComboBox::NoInsert);
    m_question->setMaxCount(kMaxQuestionHistory);
    m_question->setAccessibleName(tr("Question"));
    m_question->lineEdit()->setPlaceholderText(tr("What is happening in the video?"));
    m_question->lineEdit()->setClearButtonEnabled(true);
    m_question->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_question->setMinimumContentsLength(16);
    connect(m_question->lineEdit(), &QLineEdit::returnPressed, this, &TaskPanel::run);
    askForm->addRow(tr("&Question:"), m_question);
    m_candidates = new QLineEdit(ask);
    m_candidates->setObjectName(QStringLiteral("candidatesEdit"));
    m_candidates->setPlaceholderText(tr("optional: yes, no, maybe"));
    m_candidates->setAccessibleName(tr("Candidate answers"));
    m_candidates->setToolTip(tr("Rank these answers instead of writing one (comma-separated)"));
    askForm->addRow(tr("&Answers:"), m_candidates);
    m_inputs->addWidget(ask);

    auto *classify = new QWidget(m_inputs);
    auto *classifyForm = new QFormLayout(classify);
    classifyForm->setContentsMargins(0, 0, 0, 0);
    m_labels = new QLineEdit(classify);
    m_labels->setObjectName(QStringLiteral("labelsEdit"));
    m_labels->setPlaceholderText(tr("dog, cat, car"));
    m_labels->setAccessibleName(tr("Labels"));
    connect(m_labels, &QLineEdit::returnPressed, this, &TaskPanel::run);
    classifyForm->addRow(tr("&Labels:"), m_labels);
    m_labelTemplate = new QLineEdit(app::EngineRequest {}.labelTemplate, classify);
    m_labelTemplate->setObjectName(QStringLiteral("labelTemplateEdit"));
    m_labelTemplate->setAccessibleName(tr("Label template"));
    m_labelTemplate->setToolTip(tr("The text scored for each label; {} stands for the label"));
    classifyForm->addRow(tr("&Template:"), m_labelTemplate);
    m_classifyMethod = new QComboBox(classify);
    m_classifyMethod->setObjectName(QStringLiteral("classifyMethodCombo"));
    m_classifyMethod->setAccessibleName(tr("Scoring"));
    m_classifyMethod->addItem(tr("Decoder likelihood"), int(app::ClassifyMethod::DecoderLikelihood));
    m_classifyMethod->addItem(tr("CLIP similarity"), int(app::ClassifyMethod::ClipSimilarity));
    classifyForm->addRow(tr("&Scoring:"), m_classifyMethod);
    m_inputs->addWidget(classify);

    auto *search = new QWidget(m_inputs);
    auto *searchForm = new QFormLayout(search);
    searchForm->setContentsMargins(0, 0, 0, 0);
    m_searchQuery = new QLineEdit(search);
    m_searchQuery->setObjectName(QStringLiteral("searchEdit"));
    m_searchQuery->setPlaceholderText(tr("a red circle on a white background"));
    m_searchQuery->setAccessibleName(tr("Search text"));
    m_searchQuery->setClearButtonEnabled(true);
    connect(m_searchQuery, &QLineEdit::returnPressed, this, &TaskPanel::run);
    searchForm->addRow(tr("&Find:"), m_searchQuery);
    m_inputs->addWidget(search);
    return m_inputs;
}

StudioTask TaskPanel::task() const
{
    return static_cast<StudioTask>(m_tasks->checkedId());
}

void TaskPanel::setTask(StudioTask task)
{
    if (QAbstractButton *button = m_tasks->button(int(task)))
        button->setChecked(true);
    m_inputs->setCurrentIndex(int(task));
    // A stacked widget is as tall as its tallest page; let only the shown page count.
    for (int i = 0; i < m_inputs->count(); ++i)
        m_inputs->widget(i)->setSizePolicy(
            QSizePolicy::Preferred, i == int(task) ? QSizePolicy::Maximum : QSizePolicy::Ignored);
    m_inputs->adjustSize();
    updateRunButton();
    Q_EMIT taskChanged(task);
}

void TaskPanel::updateRunButton()
{
    switch (task()) {
    case StudioTask::Caption:
        m_run->setText(tr("Caption"));
        m_hint->setText(tr("Describe the selected picture or video in a sentence."));
        break;
    case StudioTask::DenseCaption:
        m_run->setText(tr("Caption Each Window"));
        m_hint->setText(captionWindows() == app::CaptionWindows::Shots
                ? tr("One caption per shot of the video (long shots in windows), with start and end times.")
                : tr("One caption per time window of the video, with start and end times."));
        break;
    case StudioTask::Ask:
        m_run->setText(tr("Ask"));
        m_hint->setText(tr("Type a question and press Enter. Earlier questions are in the list."));
        break;
    case StudioTask::Classify:
        m_run->setText(tr("Classify"));
        m_hint->setText(tr("Score each label against the media, zero-shot."));
        break;
    case StudioTask::Search:
        m_run->setText(tr("Search"));
        m_hint->setText(tr("Find media in your indexed folders that match a sentence."));
        break;
    }
    m_run->setToolTip(m_run->text() + QStringLiteral(" (Ctrl+Enter)"));
}

Expected<app::EngineRequest> TaskPanel::buildRequest(const QString &mediaPath) const
{
    if (mediaPath.isEmpty())
        return makeError(ErrorCode::InvalidArgument, tr("Open a picture or a video first.").toStdString());
    app::EngineRequest request;
    switch (task()) {
    case StudioTask::Caption:
        request = app::EngineRequest::caption(mediaPath);
        break;
    case StudioTask::DenseCaption:
        request = app::EngineRequest::denseCaption(mediaPath, m_window->value());
        request.captionWindows = captionWindows();
        break;
    case StudioTask::Ask:
        if (question().isEmpty())
            return makeError(ErrorCode::InvalidArgument, tr("Type a question first.").toStdString());
        request = app::EngineRequest::ask(mediaPath, question());
        request.texts = splitList(m_candidates->text());
        break;
    case StudioTask::Classify: {
        const QStringList labels = splitList(m_labels->text());
        if (labels.size() < 2)
            return makeError(ErrorCode::InvalidArgument,
                tr("Give at least two labels, separated by commas.").toStdString());
        request = app::EngineRequest::classify(mediaPath, labels);
        if (m_labelTemplate->text().contains(QStringLiteral("{}")))
            request.labelTemplate = m_labelTemplate->text();
        request.classifyMethod = static_cast<app::ClassifyMethod>(m_classifyMethod->currentData().toInt());
        break;
    }
    case StudioTask::Search:
        return makeError(
            ErrorCode::InvalidArgument, tr("Search runs over an index, not one file.").toStdString());
    }
    m_options->applyTo(request);
    request.returnFrames = true;
    return request;
}

QString TaskPanel::question() const
{
    return m_question->currentText().simplified();
}

void TaskPanel::setQuestion(const QString &question)
{
    m_question->setEditText(question);
}

void TaskPanel::rememberQuestion(const QString &question)
{
    if (question.isEmpty())
        return;
    const int existing = m_question->findText(question);
    if (existing >= 0)
        m_question->removeItem(existing);
    m_question->insertItem(0, question);
    m_question->setCurrentIndex(0);
}

QStringList TaskPanel::questionHistory() const
{
    QStringList history;
    for (int i = 0; i < m_question->count(); ++i)
        history.append(m_question->itemText(i));
    return history;
}

QString TaskPanel::searchQuery() const
{
    return m_searchQuery->text().simplified();
}

void TaskPanel::setRunEnabled(bool enabled)
{
    m_run->setEnabled(enabled);
}

void TaskPanel::focusInput()
{
    switch (task()) {
    case StudioTask::Ask:
        m_question->setFocus();
        m_question->lineEdit()->selectAll();
        break;
    case StudioTask::Classify:
        m_labels->setFocus();
        break;
    case StudioTask::Search:
        m_searchQuery->setFocus();
        break;
    case StudioTask::Caption:
    case StudioTask::DenseCaption:
        m_run->setFocus();
        break;
    }
}

void TaskPanel::setCaptionWindows(app::CaptionWindows windows)
{
    m_windowMode->setCurrentIndex(m_windowMode->findData(int(windows)));
}

app::CaptionWindows TaskPanel::captionWindows() const
{
    return app::CaptionWindows(m_windowMode->currentData().toInt());
}

void TaskPanel::windowModeChanged()
{
    // Each mode keeps its own length: by shot it is the longest moment (8 s, as moments are indexed).
    const bool shots = captionWindows() == app::CaptionWindows::Shots;
    m_window->setValue(shots ? m_shotWindowSeconds : m_fixedWindowSeconds);
    m_window->setAccessibleName(shots ? tr("Longest moment") : tr("Window length"));
    m_window->setToolTip(shots ? tr("Shots longer than this are cut into windows of at most this length")
                               : tr("The length of each window"));
    updateRunButton();
}

void TaskPanel::run()
{
    if (!m_run->isEnabled())
        return;
    if (task() == StudioTask::Search)
        Q_EMIT searchRequested(searchQuery());
    else
        Q_EMIT runRequested();
}

void TaskPanel::saveSettings(QSettings &settings) const
{
    settings.setValue(QStringLiteral("task/current"), int(task()));
    settings.setValue(QStringLiteral("task/questions"), questionHistory());
    settings.setValue(QStringLiteral("task/labels"), m_labels->text());
    // Kept only when it is not the default, so that a better default reaches everyone who never chose one.
    settings.remove(QStringLiteral("task/labelTemplate"));
    if (m_labelTemplate->text() == app::EngineRequest {}.labelTemplate)
        settings.remove(QStringLiteral("task/classifyTemplate"));
    else
        settings.setValue(QStringLiteral("task/classifyTemplate"), m_labelTemplate->text());
    settings.setValue(QStringLiteral("task/window"), m_fixedWindowSeconds);
    settings.setValue(QStringLiteral("task/shotWindow"), m_shotWindowSeconds);
    settings.setValue(QStringLiteral("task/windowMode"),
        captionWindows() == app::CaptionWindows::Shots ? QStringLiteral("shots") : QStringLiteral("fixed"));
    settings.setValue(QStringLiteral("task/optionsOpen"), m_optionsToggle->isChecked());
    m_options->saveSettings(settings);
}

void TaskPanel::restoreSettings(const QSettings &settings)
{
    const QStringList questions = settings.value(QStringLiteral("task/questions")).toStringList();
    m_question->clear();
    m_question->addItems(questions.mid(0, kMaxQuestionHistory));
    m_question->setEditText({});
    m_labels->setText(settings.value(QStringLiteral("task/labels")).toString());
    // task/labelTemplate was always saved, "{}" (the old default) included: only another choice is kept.
    const QString oldTemplate = settings.value(QStringLiteral("task/labelTemplate")).toString();
    m_labelTemplate->setText(
        settings
            .value(QStringLiteral("task/classifyTemplate"),
                oldTemplate.contains(QStringLiteral("{}")) && oldTemplate != QStringLiteral("{}")
                    ? oldTemplate
                    : app::EngineRequest {}.labelTemplate)
            .toString());
    m_fixedWindowSeconds = settings.value(QStringLiteral("task/window"), 10.0).toDouble();
    m_shotWindowSeconds
        = settings.value(QStringLiteral("task/shotWindow"), app::MomentOptions {}.maxWindowSeconds)
              .toDouble();
    const bool shots
        = settings.value(QStringLiteral("task/windowMode")).toString() == QStringLiteral("shots");
    setCaptionWindows(shots ? app::CaptionWindows::Shots : app::CaptionWindows::Fixed);
    windowModeChanged(); // the length of the mode, also when the mode was already that one
    m_optionsToggle->setChecked(settings.value(QStringLiteral("task/optionsOpen"), false).toBool());
    m_options->restoreSettings(settings);
    const int current = settings.value(QStringLiteral("task/current"), int(StudioTask::Caption)).toInt();
    setTask(current >= 0 && current <= int(StudioTask::Search) ? static_cast<StudioTask>(current)
                                                               : StudioTask::Caption);
}

} // namespace mplug2::ui
