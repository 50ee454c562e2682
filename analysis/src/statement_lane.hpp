// One thread that runs a transaction's database steps in the order they were posted, so that the
// caller can grade the next stage in C++ while PostgreSQL is busy with the last one. A connection
// is not thread-safe: while a lane lives, only the lane may use the session.
#pragma once

#include <condition_variable>
#include <deque>
#include <exception>
#include <functional>
#include <future>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <thread>
#include <type_traits>

namespace riskatlas::analysis {

class statement_lane {
  public:
    statement_lane() : m_thread([this] { run(); }) {}
    statement_lane(const statement_lane&) = delete;
    statement_lane& operator=(const statement_lane&) = delete;

    /// Steps not started yet are dropped (their futures report it), the running one finishes.
    ~statement_lane() {
        {
            std::lock_guard lock(m_mutex);
            m_closing = true;
        }
        m_wake.notify_one();
        m_thread.join();
    }

    /// Queues `step`; its result (or exception) arrives through the future. After a step fails,
    /// the later ones are not run: the transaction is lost anyway.
    template <typename F> std::future<std::invoke_result_t<F&>> post(F step) {
        using result = std::invoke_result_t<F&>;
        auto promise = std::make_shared<std::promise<result>>();
        auto future = promise->get_future();
        auto work = std::make_shared<F>(std::move(step));
        {
            std::lock_guard lock(m_mutex);
            m_queue.emplace_back([this, promise, work](bool cancelled) {
                if (cancelled || m_failed) {
                    promise->set_exception(std::make_exception_ptr(std::runtime_error(
                        "a database step was dropped after an earlier failure")));
                    return;
                }
                try {
                    if constexpr (std::is_void_v<result>) {
                        (*work)();
                        promise->set_value();
                    } else {
                        promise->set_value((*work)());
                    }
                } catch (...) {
                    m_failed = true;
                    promise->set_exception(std::current_exception());
                }
            });
        }
        m_wake.notify_one();
        return future;
    }

  private:
    void run() {
        for (;;) {
            std::function<void(bool)> step;
            bool cancelled = false;
            {
                std::unique_lock lock(m_mutex);
                m_wake.wait(lock, [this] { return m_closing || !m_queue.empty(); });
                if (m_queue.empty())
                    return;
                step = std::move(m_queue.front());
                m_queue.pop_front();
                cancelled = m_closing;
            }
            step(cancelled);
        }
    }

    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::deque<std::function<void(bool)>> m_queue;
    bool m_closing = false;
    bool m_failed = false; // only touched by the lane's thread
    std::thread m_thread;  // last: started once everything above exists
};

} // namespace riskatlas::analysis
