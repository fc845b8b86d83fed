#pragma once

#include <QWidget>

namespace pmkv {

// The right pane: the key space of a connection. Until a connection is made it says what
// will appear here and how to get there.
class KvPane final : public QWidget
{
    Q_OBJECT

public:
    explicit KvPane(QWidget* parent = nullptr);
};

} // namespace pmkv
