package dev.portcullis.readme;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One {@code $ curl …} of a README {@code console} block and the answer shown under it: the status line and
 * headers when the command has {@code -i}, and the body.
 *
 * @param status the status the README shows, or {@code null} when it shows none (no {@code -i})
 * @param body   the body shown, its lines joined, or {@code null} when none is shown
 */
record ConsoleExample(int line, String command, String method, String path, Map<String, String> headers, String data,
                      Integer status, Map<String, String> expectedHeaders, String body) {

    /** Every example of every {@code console} block of a Markdown text, in order. */
    static List<ConsoleExample> parse(String markdown) {
        List<ConsoleExample> examples = new ArrayList<>();
        String[] lines = markdown.split("\n", -1);
        boolean inBlock = false;
        for (int i = 0; i < lines.length; i++) {
            if (!inBlock) {
                inBlock = lines[i].strip().equals("```console");
                continue;
            }
            if (lines[i].strip().equals("```")) {
                inBlock = false;
                continue;
            }
            if (!lines[i].startsWith("$ curl ")) {
                continue;
            }
            int start = i;
            StringBuilder command = new StringBuilder(lines[i].substring(2));
            while (command.toString().endsWith("\\")) {
                command.setLength(command.length() - 1);
                command.append(' ').append(lines[++i].strip());
            }
            List<String> answer = new ArrayList<>();
            while (i + 1 < lines.length && !lines[i + 1].startsWith("$ ") && !lines[i + 1].strip().equals("```")) {
                answer.add(lines[++i]);
            }
            examples.add(of(start + 1, withoutComment(command.toString()), answer));
        }
        return examples;
    }

    private static ConsoleExample of(int line, String command, List<String> answer) {
        List<String> words = ShellWords.split(command);
        String method = null;
        String path = null;
        String data = null;
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < words.size(); i++) {
            switch (words.get(i)) {
                case "-X" -> method = words.get(++i);
                case "-H" -> {
                    String header = words.get(++i);
                    headers.put(header.substring(0, header.indexOf(':')).strip(), header.substring(header.indexOf(':') + 1).strip());
                }
                case "-d", "--data" -> data = words.get(++i);
                case "-i" -> { }
                default -> path = words.get(i).replaceFirst("^(https?://)?localhost:8000", "");
            }
        }
        Integer status = null;
        Map<String, String> expectedHeaders = new LinkedHashMap<>();
        StringBuilder body = new StringBuilder();
        for (String raw : answer) {
            String text = withoutComment(raw).strip();
            if (text.isEmpty()) {
                continue;
            }
            if (text.startsWith("HTTP/1.1 ")) {
                status = Integer.parseInt(text.substring(9, 12));
            } else if (status != null && body.isEmpty() && text.matches("[A-Za-z-]+: .*")) {
                expectedHeaders.put(text.substring(0, text.indexOf(':')), text.substring(text.indexOf(':') + 2));
            } else {
                body.append(body.isEmpty() ? "" : " ").append(text);
            }
        }
        return new ConsoleExample(line, command, method != null ? method : data != null ? "POST" : "GET", path, headers,
                data, status, expectedHeaders, body.isEmpty() ? null : body.toString());
    }

    /** The line without a shell comment ({@code  # …} after the command or the answer). */
    private static String withoutComment(String line) {
        int comment = line.indexOf("  #");
        return comment < 0 ? line : line.substring(0, comment);
    }
}
