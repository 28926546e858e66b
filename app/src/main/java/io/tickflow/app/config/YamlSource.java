package io.tickflow.app.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * A YAML file read as a tree, with the line of every key kept (so an error can point at
 * it) and {@code ${NAME}} / {@code ${NAME:-default}} replaced from the environment in every
 * string. A variable that is not set and has no default is an error naming the key and the
 * variable, never a value.
 */
final class YamlSource {
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?}");

    private final String file;
    private final JsonNode root;
    private final Map<String, Integer> lines = new HashMap<>();
    /** Keys whose whole value is one {@code ${NAME}} set in the environment: not written in the file. */
    private final java.util.Set<String> fromEnvironment = new java.util.HashSet<>();

    private YamlSource(String file, JsonNode root) {
        this.file = file;
        this.root = root;
    }

    static YamlSource read(Path path, Map<String, String> env) {
        String name = path.toString();
        String text;
        try {
            text = Files.readString(path);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new ConfigException(name, "", "no such file");
        } catch (IOException e) {
            if (Files.isDirectory(path)) {
                throw new ConfigException(name, "", "is a directory; expected a YAML file");
            }
            throw new ConfigException(name, "", "cannot be read (" + e.getClass().getSimpleName() + ")");
        }
        JsonNode root;
        try {
            // a key given twice is a mistake to point at, not a value to pick silently (the last, in YAML)
            root = YAMLMapper.builder().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).build().readTree(text);
        } catch (JsonProcessingException e) {
            throw notYaml(name, e);
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            throw new ConfigException(name, "", "the file is empty");
        }
        if (!root.isObject()) {
            throw new ConfigException(name + ":1", "", "expected a mapping of keys at the top");
        }
        YamlSource source = new YamlSource(name, root);
        source.recordLines(text);
        source.interpolate(root, "", env);
        return source;
    }

    /**
     * One line: {@code file:line:column: not valid YAML: what the parser expected}. The
     * parser's own message spans several lines (a snippet with a caret); only its problem is
     * kept, with the position of the problem rather than of the construct it was inside.
     */
    private static ConfigException notYaml(String file, JsonProcessingException e) {
        int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
        int column = e.getLocation() == null ? 0 : e.getLocation().getColumnNr();
        String problem = e.getOriginalMessage();
        if (e.getCause() instanceof MarkedYAMLException marked) {
            if (marked.getProblemMark() != null) {
                line = marked.getProblemMark().getLine() + 1;
                column = marked.getProblemMark().getColumn() + 1;
            }
            problem = (marked.getContext() == null ? "" : marked.getContext() + ": ") + marked.getProblem();
        }
        problem = problem.lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst().orElse("unreadable");
        return new ConfigException(file + ":" + line + ":" + column, "", "not valid YAML: " + problem);
    }

    JsonNode root() {
        return root;
    }

    /** {@code file:line} of a key path like {@code strategies[0].params.fast} (or of its nearest parent). */
    String where(String path) {
        String p = path;
        while (true) {
            Integer line = lines.get(p);
            if (line != null) {
                return file + ":" + line;
            }
            int cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
            if (cut <= 0) {
                return file;
            }
            p = p.substring(0, cut);
        }
    }

    /** Walks the token stream once, noting the line on which each key path starts. */
    private void recordLines(String text) {
        try (JsonParser parser = new YAMLFactory().createParser(text)) {
            Deque<String> containers = new ArrayDeque<>();
            Deque<Integer> indexes = new ArrayDeque<>();
            String current = "";
            for (JsonToken t = parser.nextToken(); t != null; t = parser.nextToken()) {
                int line = parser.currentTokenLocation().getLineNr();
                switch (t) {
                    case FIELD_NAME -> {
                        String parent = containers.isEmpty() ? "" : containers.peek();
                        current = parent.isEmpty() ? parser.currentName() : parent + "." + parser.currentName();
                        lines.putIfAbsent(current, line);
                    }
                    case START_OBJECT, START_ARRAY -> {
                        String path = containerPath(containers, indexes, current);
                        lines.putIfAbsent(path, line);
                        containers.push(path);
                        indexes.push(t == JsonToken.START_ARRAY ? 0 : -1);
                    }
                    case END_OBJECT, END_ARRAY -> {
                        containers.pop();
                        indexes.pop();
                        bumpIndex(indexes);
                    }
                    default -> {
                        if (!indexes.isEmpty() && indexes.peek() >= 0) {
                            lines.putIfAbsent(containers.peek() + "[" + indexes.peek() + "]", line);
                        }
                        bumpIndex(indexes);
                    }
                }
            }
        } catch (IOException e) {
            // the tree was already read from the same text, so this cannot fail; lines are only a help
        }
    }

    private static String containerPath(Deque<String> containers, Deque<Integer> indexes, String current) {
        if (containers.isEmpty()) {
            return "";
        }
        if (indexes.peek() >= 0) {
            return containers.peek() + "[" + indexes.peek() + "]";
        }
        return current;
    }

    private static void bumpIndex(Deque<Integer> indexes) {
        if (!indexes.isEmpty() && indexes.peek() >= 0) {
            indexes.push(indexes.pop() + 1);
        }
    }

    private void interpolate(JsonNode node, String path, Map<String, String> env) {
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> f = fields.next();
                String key = path.isEmpty() ? f.getKey() : path + "." + f.getKey();
                if (f.getValue().isTextual()) {
                    f.setValue(new TextNode(substitute(f.getValue().textValue(), key, env)));
                } else {
                    interpolate(f.getValue(), key, env);
                }
            }
        } else if (node.isArray()) {
            ArrayNode array = (ArrayNode) node;
            for (int i = 0; i < array.size(); i++) {
                String key = path + "[" + i + "]";
                if (array.get(i).isTextual()) {
                    array.set(i, new TextNode(substitute(array.get(i).textValue(), key, env)));
                } else {
                    interpolate(array.get(i), key, env);
                }
            }
        }
    }

    /** Whether the key's value came whole from an environment variable, rather than being written in the file. */
    boolean fromEnvironment(String key) {
        return fromEnvironment.contains(key);
    }

    private String substitute(String text, String key, Map<String, String> env) {
        Matcher whole = VARIABLE.matcher(text);
        if (whole.matches() && env.get(whole.group(1)) != null) {
            fromEnvironment.add(key);
        }
        Matcher m = VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = env.get(m.group(1));
            if (value == null) {
                value = m.group(2);
            }
            if (value == null) {
                throw new ConfigException(where(key), key, "environment variable " + m.group(1)
                        + " is not set (write ${" + m.group(1) + ":-default} for a default)");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }
}
