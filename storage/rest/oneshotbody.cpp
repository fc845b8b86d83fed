#include "rest/oneshotbody.h"

#include <algorithm>
#include <cstring>

namespace pmkv {

OneShotBody::OneShotBody(QByteArray bytes, QObject* parent)
    : QIODevice(parent), m_bytes(std::move(bytes))
{
    open(QIODevice::ReadOnly | QIODevice::Unbuffered);
}

qint64 OneShotBody::bytesAvailable() const
{
    return (m_bytes.size() - m_position) + QIODevice::bytesAvailable();
}

bool OneShotBody::atEnd() const
{
    return m_position >= m_bytes.size() && QIODevice::bytesAvailable() == 0;
}

qint64 OneShotBody::readData(char* data, qint64 maxSize)
{
    if (m_position >= m_bytes.size())
        return -1; // the end: a sequential device has no size to compare with
    const qint64 n = std::min<qint64>(maxSize, m_bytes.size() - m_position);
    std::memcpy(data, m_bytes.constData() + m_position, size_t(n));
    m_position += n;
    return n;
}

qint64 OneShotBody::writeData(const char*, qint64)
{
    return -1;
}

} // namespace pmkv
