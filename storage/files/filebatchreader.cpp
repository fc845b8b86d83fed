#include "files/filebatchreader.h"

#include <algorithm>
#include <cerrno>
#include <fcntl.h>
#include <memory>
#include <sys/stat.h>
#include <unistd.h>

#ifdef PMKV_HAVE_LIBURING
#include <liburing.h>
#endif

namespace pmkv {
namespace {

// Opens, sizes and reads one file with ordinary system calls, into `buffer` (grown as needed).
FileBatchReader::File readPlainly(const QByteArray& path, qint64 maxFileBytes, QByteArray& buffer)
{
    FileBatchReader::File file;
    // O_NONBLOCK: a file swapped for a FIFO since the folder was listed must not block the read.
    const int fd = ::open(path.constData(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0) {
        file.error = errno;
        return file;
    }
    struct stat st = {};
    if (::fstat(fd, &st) != 0) {
        file.error = errno;
        ::close(fd);
        return file;
    }
    if (S_ISDIR(st.st_mode)) {
        file.error = EISDIR;
        ::close(fd);
        return file;
    }
    file.size = qint64(st.st_size);
    if (file.size > maxFileBytes) {
        file.tooLarge = true;
        ::close(fd);
        return file;
    }
    // A file that grew since fstat() is read on (up to the limit), one that shrank is cut.
    qint64 done = 0;
    for (;;) {
        if (done == buffer.size()) {
            if (done > maxFileBytes) {
                file.tooLarge = true;
                break;
            }
            buffer.resize(std::max<qsizetype>(qsizetype(file.size) + 1, buffer.size() * 2));
        }
        const ssize_t n = ::read(fd, buffer.data() + done, size_t(buffer.size() - done));
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            file.error = errno;
            break;
        }
        if (n == 0)
            break;
        done += n;
    }
    ::close(fd);
    if (file.error == 0 && !file.tooLarge) {
        file.size = done;
        file.bytes = QByteArrayView(buffer.constData(), qsizetype(done));
    }
    return file;
}

void readAllPlainly(const std::vector<QByteArray>& paths, qint64 maxFileBytes,
                    const FileBatchReader::Visit& visit)
{
    QByteArray buffer;
    for (size_t i = 0; i < paths.size(); ++i)
        visit(i, readPlainly(paths[i], maxFileBytes, buffer));
}

#ifdef PMKV_HAVE_LIBURING

constexpr unsigned kSlots = 32;
constexpr unsigned kSlotBytes = 64 * 1024;

// One ring per thread, kept for the thread's life: 32 direct-descriptor slots and a buffer each.
class Ring final
{
public:
    Ring()
    {
        io_uring_params params = {};
        if (io_uring_queue_init_params(kSlots * 4, &m_ring, &params) != 0)
            return;
        m_live = true;
        if (!supportsOperations() || io_uring_register_files_sparse(&m_ring, kSlots) != 0)
            return;
        m_buffers.reset(new char[size_t(kSlots) * kSlotBytes]);
        m_ready = true;
    }
    ~Ring()
    {
        if (m_live)
            io_uring_queue_exit(&m_ring);
    }
    Ring(const Ring&) = delete;
    Ring& operator=(const Ring&) = delete;

    bool ready() const { return m_ready; }

    // Reads paths[from, from + count) (count <= kSlots). Returns false if the ring failed as a
    // whole (nothing visited); the caller then reads plainly.
    bool readBatch(const std::vector<QByteArray>& paths, size_t from, unsigned count,
                   std::vector<int>& opened, std::vector<int>& read)
    {
        for (unsigned slot = 0; slot < count; ++slot) {
            // open -> read is an ordinary link (a failed open cancels the read and the close);
            // read -> close a hard link, so a short or failed read still closes the slot.
            io_uring_sqe* sqe = io_uring_get_sqe(&m_ring);
            io_uring_prep_openat_direct(sqe, AT_FDCWD, paths[from + slot].constData(),
                                        O_RDONLY | O_NONBLOCK, 0, slot);
            sqe->flags |= IOSQE_IO_LINK;
            io_uring_sqe_set_data64(sqe, tag(slot, Open));
            sqe = io_uring_get_sqe(&m_ring);
            io_uring_prep_read(sqe, int(slot), m_buffers.get() + size_t(slot) * kSlotBytes,
                               kSlotBytes, 0);
            sqe->flags |= IOSQE_FIXED_FILE | IOSQE_IO_HARDLINK;
            io_uring_sqe_set_data64(sqe, tag(slot, Read));
            sqe = io_uring_get_sqe(&m_ring);
            io_uring_prep_close_direct(sqe, slot);
            io_uring_sqe_set_data64(sqe, tag(slot, Close));
        }
        unsigned expected = count * 3;
        int submitted = io_uring_submit_and_wait(&m_ring, expected);
        while (submitted == -EINTR)
            submitted = io_uring_submit_and_wait(&m_ring, expected);
        if (submitted < 0)
            return false;
        while (expected > 0) {
            io_uring_cqe* cqe = nullptr;
            int waited = io_uring_wait_cqe(&m_ring, &cqe);
            while (waited == -EINTR)
                waited = io_uring_wait_cqe(&m_ring, &cqe);
            if (waited < 0)
                return false;
            const quint64 data = io_uring_cqe_get_data64(cqe);
            const unsigned slot = unsigned(data >> 2);
            if ((data & 3) == Open)
                opened[slot] = cqe->res;
            else if ((data & 3) == Read)
                read[slot] = cqe->res;
            io_uring_cqe_seen(&m_ring, cqe);
            --expected;
        }
        return true;
    }

    QByteArrayView slotBytes(unsigned slot, int size) const
    {
        return QByteArrayView(m_buffers.get() + size_t(slot) * kSlotBytes, size);
    }

private:
    enum Op : quint64 { Open = 0, Read = 1, Close = 2 };
    static quint64 tag(unsigned slot, Op op) { return (quint64(slot) << 2) | op; }

    bool supportsOperations()
    {
        io_uring_probe* probe = io_uring_get_probe_ring(&m_ring);
        if (!probe)
            return false;
        const bool all = io_uring_opcode_supported(probe, IORING_OP_OPENAT) &&
                         io_uring_opcode_supported(probe, IORING_OP_READ) &&
                         io_uring_opcode_supported(probe, IORING_OP_CLOSE);
        io_uring_free_probe(probe);
        return all;
    }

    io_uring m_ring = {};
    bool m_live = false;
    bool m_ready = false;
    std::unique_ptr<char[]> m_buffers;
};

Ring* threadRing()
{
    thread_local Ring ring;
    return ring.ready() ? &ring : nullptr;
}

#endif

} // namespace

bool FileBatchReader::usesIoUring()
{
#ifdef PMKV_HAVE_LIBURING
    return threadRing() != nullptr;
#else
    return false;
#endif
}

void FileBatchReader::read(const std::vector<QByteArray>& paths, qint64 maxFileBytes,
                           const Visit& visit, Method method)
{
#ifdef PMKV_HAVE_LIBURING
    Ring* ring = method == Method::Fastest ? threadRing() : nullptr;
    if (!ring) {
        readAllPlainly(paths, maxFileBytes, visit);
        return;
    }
    std::vector<int> opened(kSlots);
    std::vector<int> read(kSlots);
    QByteArray large;
    for (size_t from = 0; from < paths.size(); from += kSlots) {
        const unsigned count = unsigned(std::min<size_t>(kSlots, paths.size() - from));
        std::fill(opened.begin(), opened.end(), -ECANCELED);
        std::fill(read.begin(), read.end(), -ECANCELED);
        if (!ring->readBatch(paths, from, count, opened, read)) {
            for (size_t i = from; i < paths.size(); ++i)
                visit(i, readPlainly(paths[i], maxFileBytes, large));
            return;
        }
        for (unsigned slot = 0; slot < count; ++slot) {
            const size_t i = from + slot;
            if (opened[slot] < 0 || read[slot] < 0 || read[slot] >= int(kSlotBytes) ||
                read[slot] > maxFileBytes) {
                // Failed, or maybe larger than the slot: the plain path says exactly what and
                // checks the size limit with fstat().
                visit(i, readPlainly(paths[i], maxFileBytes, large));
                continue;
            }
            File file;
            file.size = read[slot];
            file.bytes = ring->slotBytes(slot, read[slot]);
            visit(i, file);
        }
    }
#else
    (void)method;
    readAllPlainly(paths, maxFileBytes, visit);
#endif
}

} // namespace pmkv
