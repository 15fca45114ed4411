import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.DigestInputStream;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.RSAPublicKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Verifies a PediConsult audit archive offline, with nothing but a Java 17 JDK:
 *
 * <pre>
 *   java VerifyAuditArchive.java audit-2026-01-01-2026-12-31.zip [--key pinned-public-key.jwk.json]
 * </pre>
 *
 * Checks, in this order: the RS256 signature of manifest.jws (with the pinned key if given, else the
 * archive's public-key.jwk.json) and that manifest.json is exactly its payload; every record of
 * records.jsonl: seq without gaps from firstSeq, its link to the previous record's hash (the first one
 * to the manifest's anchorHash), its hash recomputed from its fields; the count, the last hash and
 * the SHA-256 of records.jsonl against the manifest. Prints "archive OK: ..." and exits 0, or
 * "archive REFUSED: <the first problem>" and exits 1 (2: wrong usage).
 */
public class VerifyAuditArchive {
    static final String FORMAT = "pediconsult-audit-archive/1";
    static final String GENESIS = "0".repeat(64);
    static final List<String> RECORD_FIELDS = List.of("seq", "recordedAt", "actor", "action", "resourceType",
            "resourceId", "patientId", "detail", "clientAddress", "patients", "prevHash", "hash");
    static final int SMALL_FILE = 1 << 20;

    public static void main(String[] args) {
        System.exit(run(args, System.out));
    }

    /** The whole check; answers the exit code. */
    public static int run(String[] args, PrintStream out) {
        Path archive = null;
        Path pinned = null;
        for (int i = 0; i < args.length; i++) {
            if ("--key".equals(args[i]) && i + 1 < args.length && pinned == null) {
                pinned = Paths.get(args[++i]);
            } else if (!args[i].startsWith("--") && archive == null) {
                archive = Paths.get(args[i]);
            } else {
                archive = null;
                break;
            }
        }
        if (archive == null) {
            out.println("usage: java VerifyAuditArchive.java <audit-....zip> [--key <pinned public key: JWK or JWKS>]");
            return 2;
        }
        try {
            out.println(verify(archive, pinned));
            if (pinned == null) {
                out.println("note: checked with the key inside the archive; to know who signed it, compare the key id "
                        + "with the installation's (GET /api/audit/export/signing-keys) or pass --key");
            }
            return 0;
        } catch (Refused e) {
            out.println("archive REFUSED: " + e.getMessage());
            return 1;
        } catch (IOException e) {
            out.println("archive REFUSED: cannot read it: " + e);
            return 1;
        }
    }

    /** A problem with the archive. */
    static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;

        Refused(String message) {
            super(message, null, false, false);
        }
    }

    static String verify(Path archive, Path pinned) throws IOException, Refused {
        try (ZipFile zip = new ZipFile(archive.toFile(), StandardCharsets.UTF_8)) {
            Set<String> names = new HashSet<>();
            for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
                String name = e.nextElement().getName();
                if (!names.add(name)) {
                    throw new Refused("the archive holds " + name + " twice");
                }
            }
            byte[] manifestJson = small(zip, "manifest.json");
            String jws = new String(small(zip, "manifest.jws"), StandardCharsets.US_ASCII).trim();
            String[] parts = jws.split("\\.", -1);
            if (parts.length != 3) {
                throw new Refused("manifest.jws is not a compact JWS");
            }
            Map<String, Object> header = object(json(utf8(base64url(parts[0], "manifest.jws header")), "manifest.jws header"),
                    "manifest.jws header");
            if (!"RS256".equals(header.get("alg"))) {
                throw new Refused("manifest.jws: the algorithm must be RS256, not " + header.get("alg"));
            }
            if (header.containsKey("crit")) {
                throw new Refused("manifest.jws: critical header parameters are not understood here");
            }
            String kid = text(header, "kid", "manifest.jws header");
            Map<String, Object> jwk = pinned != null
                    ? keyFrom(json(Files.readString(pinned, StandardCharsets.UTF_8), pinned.toString()), kid, pinned.toString())
                    : keyFrom(json(utf8(small(zip, "public-key.jwk.json")), "public-key.jwk.json"), kid, "public-key.jwk.json");
            String keyId = text(jwk, "kid", "the key");
            if (!kid.equals(keyId)) {
                throw new Refused("manifest.jws is signed by key " + kid + ", not by key " + keyId);
            }
            if (!verifies(rsaKey(jwk), (parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII),
                    base64url(parts[2], "manifest.jws signature"))) {
                throw new Refused("manifest.jws: the signature does not verify with key " + keyId);
            }
            byte[] payload = base64url(parts[1], "manifest.jws payload");
            if (!Arrays.equals(payload, manifestJson)) {
                throw new Refused("manifest.json differs from the signed manifest (manifest.jws)");
            }
            Map<String, Object> m = object(json(utf8(payload), "manifest"), "manifest");
            if (!FORMAT.equals(m.get("format"))) {
                throw new Refused("manifest: format is not " + FORMAT);
            }
            Long firstSeq = optionalLong(m, "firstSeq", "manifest");
            Long lastSeq = optionalLong(m, "lastSeq", "manifest");
            long count = optionalLong(m, "count", "manifest") == null ? -1 : optionalLong(m, "count", "manifest");
            String anchor = optionalText(m, "anchorHash", "manifest");
            String lastHash = optionalText(m, "lastHash", "manifest");
            String sha256 = text(m, "recordsSha256", "manifest");
            if (firstSeq == null ? lastSeq != null || count != 0 || anchor != null || lastHash != null
                    : lastSeq == null || anchor == null || lastHash == null || firstSeq < 1 || lastSeq - firstSeq + 1 != count) {
                throw new Refused("manifest: firstSeq, lastSeq, count, anchorHash and lastHash do not agree");
            }

            ZipEntry recordsEntry = zip.getEntry("records.jsonl");
            if (recordsEntry == null) {
                throw new Refused("records.jsonl is missing");
            }
            MessageDigest sha = sha256();
            long n = 0;
            String prev = anchor;
            InputStream in = new DigestInputStream(zip.getInputStream(recordsEntry), sha);
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    String where = "records.jsonl line " + (n + 1);
                    Map<String, Object> r = object(json(line, where), where);
                    long seq = optionalLong(r, "seq", where) == null ? -1 : optionalLong(r, "seq", where);
                    where = "record seq " + seq;
                    if (!r.keySet().equals(new HashSet<>(RECORD_FIELDS))) {
                        throw new Refused(where + ": the fields must be exactly " + RECORD_FIELDS);
                    }
                    long expected = firstSeq == null ? -1 : firstSeq + n;
                    if (firstSeq == null || seq != expected) {
                        throw new Refused(where + ": expected seq " + (firstSeq == null ? "none (the manifest has no records)"
                                : expected) + " here (a record is missing, added or out of order)");
                    }
                    if (!Objects.equals(prev, r.get("prevHash"))) {
                        throw new Refused(where + (n == 0 ? ": does not link to the archive's anchor (anchorHash)"
                                : ": link to the previous record does not match"));
                    }
                    if (!recordHash(r, where).equals(r.get("hash"))) {
                        throw new Refused(where + ": hash mismatch");
                    }
                    prev = (String) r.get("hash");
                    n++;
                }
            } catch (java.nio.charset.CharacterCodingException e) {
                throw new Refused("records.jsonl is not UTF-8");
            }
            if (n != count) {
                throw new Refused("records.jsonl holds " + n + " records, the manifest says " + count);
            }
            if (!Objects.equals(prev, lastHash)) {
                throw new Refused("the last record's hash is not the manifest's lastHash");
            }
            if (!HexFormat.of().formatHex(sha.digest()).equals(sha256)) {
                throw new Refused("records.jsonl: SHA-256 does not match the manifest");
            }
            return "archive OK: " + n + " records, seq " + (n == 0 ? "none" : firstSeq + ".." + lastSeq)
                    + ", chain intact, signed by key " + keyId;
        }
    }

    /** AuditRecordHash: SHA-256 of '<length>:<value>|' per field ('-1:|' for null). */
    static String recordHash(Map<String, Object> r, String where) throws Refused {
        List<String> fields = new ArrayList<>();
        fields.add(Long.toString(optionalLong(r, "seq", where)));
        fields.add(text(r, "recordedAt", where));
        for (String f : List.of("actor", "action", "resourceType", "resourceId", "patientId", "detail")) {
            fields.add(optionalText(r, f, where));
        }
        String clientAddress = optionalText(r, "clientAddress", where);
        String patients = optionalText(r, "patients", where);
        if (clientAddress != null || patients != null) {
            fields.add(clientAddress);
            fields.add(patients);
        }
        fields.add(text(r, "prevHash", where));
        StringBuilder canonical = new StringBuilder(256);
        for (String field : fields) {
            canonical.append(field == null ? "-1:" : field.length() + ":" + field).append('|');
        }
        return HexFormat.of().formatHex(sha256().digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
    }

    /** The key with {@code kid} from a JWK, or from a JWKS (as GET /api/audit/export/signing-keys answers). */
    @SuppressWarnings("unchecked")
    static Map<String, Object> keyFrom(Object json, String kid, String where) throws Refused {
        Map<String, Object> o = object(json, where);
        if (!o.containsKey("keys")) {
            return o;
        }
        if (!(o.get("keys") instanceof List)) {
            throw new Refused(where + ": keys is not a list");
        }
        for (Object k : (List<Object>) o.get("keys")) {
            Map<String, Object> key = object(k, where);
            if (kid.equals(key.get("kid"))) {
                return key;
            }
        }
        throw new Refused("manifest.jws is signed by key " + kid + ", which " + where + " does not hold");
    }

    static PublicKey rsaKey(Map<String, Object> jwk) throws Refused {
        if (!"RSA".equals(jwk.get("kty"))) {
            throw new Refused("the key is not an RSA key");
        }
        try {
            BigInteger n = new BigInteger(1, base64url(text(jwk, "n", "the key"), "the key's n"));
            BigInteger e = new BigInteger(1, base64url(text(jwk, "e", "the key"), "the key's e"));
            return KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(n, e));
        } catch (GeneralSecurityException ex) {
            throw new Refused("the key is not a usable RSA public key");
        }
    }

    static boolean verifies(PublicKey key, byte[] signed, byte[] signature) throws Refused {
        try {
            Signature s = Signature.getInstance("SHA256withRSA");
            s.initVerify(key);
            s.update(signed);
            return s.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    static byte[] small(ZipFile zip, String name) throws IOException, Refused {
        ZipEntry e = zip.getEntry(name);
        if (e == null) {
            throw new Refused(name + " is missing");
        }
        try (InputStream in = zip.getInputStream(e)) {
            byte[] b = in.readNBytes(SMALL_FILE + 1);
            if (b.length > SMALL_FILE) {
                throw new Refused(name + " is too big");
            }
            return b;
        }
    }

    static byte[] base64url(String s, String what) throws Refused {
        if (!s.matches("[A-Za-z0-9_-]*")) {
            throw new Refused(what + " is not base64url");
        }
        try {
            return Base64.getUrlDecoder().decode(s);
        } catch (IllegalArgumentException e) {
            throw new Refused(what + " is not base64url");
        }
    }

    static String utf8(byte[] b) throws Refused {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(b)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new Refused("text that is not UTF-8");
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> object(Object v, String where) throws Refused {
        if (!(v instanceof Map)) {
            throw new Refused(where + ": not a JSON object");
        }
        return (Map<String, Object>) v;
    }

    static String text(Map<String, Object> o, String field, String where) throws Refused {
        String s = optionalText(o, field, where);
        if (s == null) {
            throw new Refused(where + ": " + field + " is missing");
        }
        return s;
    }

    static String optionalText(Map<String, Object> o, String field, String where) throws Refused {
        Object v = o.get(field);
        if (v != null && !(v instanceof String)) {
            throw new Refused(where + ": " + field + " is not a string");
        }
        return (String) v;
    }

    static Long optionalLong(Map<String, Object> o, String field, String where) throws Refused {
        Object v = o.get(field);
        if (v == null) {
            return null;
        }
        try {
            return ((BigDecimal) v).longValueExact();
        } catch (ClassCastException | ArithmeticException e) {
            throw new Refused(where + ": " + field + " is not a whole number");
        }
    }

    static Object json(String text, String where) throws Refused {
        try {
            return new Json(text).document();
        } catch (IllegalArgumentException e) {
            throw new Refused(where + ": not valid JSON (" + e.getMessage() + ")");
        }
    }

    /** A small strict JSON reader (RFC 8259): objects (no duplicate names), arrays, strings, numbers, literals. */
    static final class Json {
        private final String s;
        private int i;

        Json(String s) {
            this.s = s;
        }

        Object document() {
            Object v = value(0);
            space();
            if (i != s.length()) {
                throw new IllegalArgumentException("text after the value at " + i);
            }
            return v;
        }

        private Object value(int depth) {
            if (depth > 16) {
                throw new IllegalArgumentException("nested too deep");
            }
            space();
            if (i >= s.length()) {
                throw new IllegalArgumentException("unexpected end");
            }
            char c = s.charAt(i);
            if (c == '{') {
                i++;
                Map<String, Object> o = new LinkedHashMap<>();
                space();
                if (peek('}')) {
                    return o;
                }
                do {
                    space();
                    String name = string();
                    space();
                    expect(':');
                    Object v = value(depth + 1);
                    if (o.containsKey(name)) {
                        throw new IllegalArgumentException("name " + name + " twice");
                    }
                    o.put(name, v);
                    space();
                } while (peek(','));
                expect('}');
                return o;
            }
            if (c == '[') {
                i++;
                List<Object> a = new ArrayList<>();
                space();
                if (peek(']')) {
                    return a;
                }
                do {
                    a.add(value(depth + 1));
                    space();
                } while (peek(','));
                expect(']');
                return a;
            }
            if (c == '"') {
                return string();
            }
            for (String literal : new String[] {"true", "false", "null"}) {
                if (s.startsWith(literal, i)) {
                    i += literal.length();
                    return literal.equals("null") ? null : Boolean.valueOf(literal);
                }
            }
            int start = i;
            while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) {
                i++;
            }
            String number = s.substring(start, i);
            if (!number.matches("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?")) {
                throw new IllegalArgumentException("unexpected text at " + start);
            }
            return new BigDecimal(number);
        }

        private String string() {
            expect('"');
            StringBuilder b = new StringBuilder();
            while (true) {
                if (i >= s.length()) {
                    throw new IllegalArgumentException("unterminated string");
                }
                char c = s.charAt(i++);
                if (c == '"') {
                    return b.toString();
                }
                if (c < 0x20) {
                    throw new IllegalArgumentException("control character in a string");
                }
                if (c != '\\') {
                    b.append(c);
                    continue;
                }
                if (i >= s.length()) {
                    throw new IllegalArgumentException("unterminated string");
                }
                char e = s.charAt(i++);
                switch (e) {
                    case '"', '\\', '/' -> b.append(e);
                    case 'b' -> b.append('\b');
                    case 'f' -> b.append('\f');
                    case 'n' -> b.append('\n');
                    case 'r' -> b.append('\r');
                    case 't' -> b.append('\t');
                    case 'u' -> {
                        if (i + 4 > s.length() || !s.substring(i, i + 4).matches("[0-9a-fA-F]{4}")) {
                            throw new IllegalArgumentException("bad \\u escape");
                        }
                        b.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                        i += 4;
                    }
                    default -> throw new IllegalArgumentException("bad escape \\" + e);
                }
            }
        }

        private void space() {
            while (i < s.length() && " \t\n\r".indexOf(s.charAt(i)) >= 0) {
                i++;
            }
        }

        private boolean peek(char c) {
            if (i < s.length() && s.charAt(i) == c) {
                i++;
                return true;
            }
            return false;
        }

        private void expect(char c) {
            if (!peek(c)) {
                throw new IllegalArgumentException("expected '" + c + "' at " + i);
            }
        }
    }
}
