#pragma once

#include "files/entity.h"
#include "files/problem.h"

#include <QWidget>

class QLabel;
class QListWidget;
class QPlainTextEdit;
class QProgressBar;

namespace pmkv {

class JsonHighlighter;
struct KvValue;

// The detail pane: what the selected file is (kind, path, size, hash), its problems, and its
// content: formatted, coloured JSON (every number digit for digit), plain text for text
// files, a hex dump for bytes that are not UTF-8.
class DocumentView final : public QWidget
{
    Q_OBJECT

public:
    explicit DocumentView(QWidget* parent = nullptr);

    void showEntity(const Entity* entity, const QVector<Problem>& problems);
    void showFolder(const QString& relativePath, const QVector<Problem>& problems, int errors,
                    int warnings);
    // A value from the key space: key, type, TTL, size and the value (JSON formatted when it
    // parses, hex when it is not UTF-8).
    void showKvValue(const KvValue& value);
    void showMessage(const QString& html);
    // A large value on its way: "Loading key: 2.0 of 5.2 MB", a progress bar and Cancel.
    void showLoading(const QString& key, qint64 loaded, qint64 total);
    bool isLoading() const;
    void clear();
    QString headerText() const;
    QString contentText() const;
    // Lets the user edit the shown text (the key view); isModified() since it was shown.
    void setEditable(bool editable);
    bool isModified() const;
    QStringList problemTexts() const;

Q_SIGNALS:
    void cancelRequested();

private:
    void showProblems(const QVector<Problem>& problems);

    QLabel* m_header;
    QListWidget* m_problems;
    QPlainTextEdit* m_content;
    QWidget* m_loading;
    QProgressBar* m_progress;
    bool m_editable = false;
    JsonHighlighter* m_highlighter;
};

// Lines of "offset  hex bytes  |ascii|", 16 bytes each, at most `limit` bytes.
QString hexDump(const QByteArray& bytes, qsizetype limit = 64 * 1024);

} // namespace pmkv
