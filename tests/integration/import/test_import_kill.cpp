// kill -9 in the middle of a large import leaves the database exactly as before, and the next
// import runs normally (no lock, no staging table left behind): the whole import is one
// transaction that the server aborts when its client disappears.
#include <catch2/catch.hpp>

#include "import_fixture.hpp"
#include "vector_files.hpp"

#include <csignal>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <thread>

extern char **environ;

using namespace riskatlas;

namespace {

pid_t spawn(const std::vector<std::string> &args) {
    std::vector<char *> argv;
    for (const auto &a : args)
        argv.push_back(const_cast<char *>(a.c_str()));
    argv.push_back(nullptr);
    pid_t pid = 0;
    REQUIRE(posix_spawn(&pid, argv[0], nullptr, nullptr, argv.data(), environ) == 0);
    return pid;
}

} // namespace

TEST_CASE("kill -9 during an import leaves the database unchanged", "[pg][import]") {
    static test::import_fixture fx;
    fx.reset();
    const std::string dir = test::temp_dir("kill");
    std::string csv = "统一社会信用代码,企业名称,监管类别,经度,纬度\n";
    constexpr int rows = 300000;
    csv.reserve(rows * 60);
    for (int i = 0; i < rows; ++i)
        csv += test::credit_code(100000 + i) + ",企业" + std::to_string(i) + ",工贸," +
               std::to_string(116.61 + (i % 1000) * 0.00035) + "," +
               std::to_string(35.41 + (i / 1000) * 0.001) + "\n";
    test::write_text(dir + "/big.csv", csv);
    const auto version = fx.scalar("SELECT version FROM data_versions WHERE table_name = 'enterprises'");

    const pid_t pid = spawn({RISKATLAS_BINARY, "import", dir + "/big.csv", "--as", "enterprises",
                             "--db", fx.dsn(), "--log-level", "warn"});
    std::this_thread::sleep_for(std::chrono::milliseconds(1500));
    int status = 0;
    REQUIRE(waitpid(pid, &status, WNOHANG) == 0); // still importing: otherwise the file is too small
    REQUIRE(kill(pid, SIGKILL) == 0);
    REQUIRE(waitpid(pid, &status, 0) == pid);
    CHECK(WIFSIGNALED(status));

    CHECK(fx.scalar("SELECT count(*) FROM enterprises") == 0);
    CHECK(fx.scalar("SELECT version FROM data_versions WHERE table_name = 'enterprises'") == version);
    // the killed client's backend may take a moment to notice; then nothing of it is left
    for (int i = 0; i < 50 && fx.scalar("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                                        "AND pid <> pg_backend_pid() AND state <> 'idle'") > 0; ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    CHECK(fx.scalar("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                    "AND pid <> pg_backend_pid() AND state <> 'idle'") == 0);

    test::write_text(dir + "/small.csv", "统一社会信用代码,企业名称,监管类别\n" + test::credit_code(1) + ",之后的企业,工贸\n");
    const auto after = fx.import(dir + "/small.csv", ingest::entity_kind::enterprises);
    CHECK(after.outcome == "committed");
    CHECK(fx.scalar("SELECT count(*) FROM enterprises") == 1);
}
