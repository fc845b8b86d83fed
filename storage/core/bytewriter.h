#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QtGlobal>

#include <cstring>

namespace pmkv {

// Appends to a QByteArray through a plain pointer. QByteArray::append checks on every call
// whether the array is shared and has room, out of line; here one inline comparison does, and
// the array grows (doubling) only when it is full. For writers that append a token at a time.
class ByteWriter final
{
public:
    explicit ByteWriter(qsizetype reserve) { resizeTo(qMax<qsizetype>(reserve, 16)); }

    void append(char c)
    {
        makeRoom(1);
        m_data[m_size++] = c;
    }
    void append(const char* bytes, qsizetype n)
    {
        makeRoom(n);
        std::memcpy(m_data + m_size, bytes, size_t(n));
        m_size += n;
    }
    void append(QByteArrayView bytes) { append(bytes.data(), bytes.size()); }

    qsizetype size() const { return m_size; }
    const char* constData() const { return m_data; }
    void truncate(qsizetype size) { m_size = qMin(size, m_size); }

    // The bytes written; room left over is given back when it is more than `slack` bytes.
    QByteArray take(qsizetype slack)
    {
        m_bytes.resize(m_size);
        if (m_bytes.capacity() - m_size > slack)
            m_bytes.squeeze();
        m_data = nullptr;
        m_size = m_capacity = 0;
        return std::move(m_bytes);
    }

private:
    void makeRoom(qsizetype n)
    {
        if (Q_UNLIKELY(m_size + n > m_capacity))
            resizeTo(qMax(m_capacity * 2, m_size + n));
    }
    void resizeTo(qsizetype capacity)
    {
        m_bytes.resize(capacity); // keeps what was written; the new bytes are not initialised
        m_data = m_bytes.data();
        m_capacity = capacity;
    }

    QByteArray m_bytes;
    char* m_data = nullptr;
    qsizetype m_size = 0;
    qsizetype m_capacity = 0;
};

} // namespace pmkv
