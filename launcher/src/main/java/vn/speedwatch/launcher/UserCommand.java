package vn.speedwatch.launcher;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import vn.speedwatch.console.UserAdmin;

/** {@code speedwatch user add NAME}: officials' accounts for the console. */
@Command(
        name = "user",
        mixinStandardHelpOptions = true,
        description = {"Quản lý tài khoản cán bộ.", "Manages officials' accounts."},
        subcommands = UserCommand.Add.class)
final class UserCommand implements Runnable {

    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(
            name = "add",
            mixinStandardHelpOptions = true,
            description = {
                "Thêm tài khoản cán bộ, hoặc đặt lại mật khẩu nếu tên đã có. Mật khẩu được hỏi "
                        + "trên màn hình (không hiện), hoặc đọc một dòng từ stdin với "
                        + "--password-stdin.",
                "Adds an official's account, or resets its password if the name exists."
            })
    static final class Add implements Callable<Integer> {

        @Mixin CommonOptions options;

        @Parameters(paramLabel = "NAME", description = "Tên đăng nhập / user name")
        String name;

        @Option(
                names = "--role",
                defaultValue = "official",
                description = "official hoặc admin (mặc định official) / official or admin")
        String role;

        @Option(
                names = "--password-stdin",
                description = "Đọc mật khẩu từ stdin / read the password from stdin")
        boolean passwordStdin;

        @Override
        public Integer call() {
            String password = passwordStdin ? readLine() : prompt();
            try (WarehouseSession session = WarehouseSession.open(options.config())) {
                new UserAdmin(session.dataSource()).add(name, role, password);
            }
            System.out.println("Đã lưu tài khoản " + name + " (" + role + ") / account saved");
            return 0;
        }

        private static String readLine() {
            try {
                String line =
                        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))
                                .readLine();
                return line == null ? "" : line;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the password from stdin", e);
            }
        }

        private static String prompt() {
            java.io.Console console = System.console();
            if (console == null) {
                throw new LauncherException(
                        "Không có màn hình để hỏi mật khẩu; dùng " + "--password-stdin",
                        "no terminal to ask for the password; use " + "--password-stdin");
            }
            char[] first = console.readPassword("Mật khẩu / password: ");
            char[] again = console.readPassword("Nhập lại / again: ");
            if (first == null || !Arrays.equals(first, again)) {
                throw new LauncherException(
                        "Hai lần nhập mật khẩu không khớp", "the passwords do not match");
            }
            return new String(first);
        }
    }
}
