package org.synscope.audit;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.synscope.config.BadInput;
import org.synscope.io.AtomicFiles;
import org.synscope.io.Sha256;

/**
 * The accounts file: names, roles, passwords as salted PBKDF2-HMAC-SHA256 hashes (never in clear),
 * and API tokens as SHA-256 hashes (a token is shown once, when it is made). Written atomically.
 */
public final class Users {
  /** PBKDF2 iterations: slow on purpose (OWASP's 2023 figure for HMAC-SHA256). */
  public static final int ITERATIONS = 600_000;
  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,31}");
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** One account as stored. */
  public record Account(String name, Role role, String salt, int iterations, String hash, List<String> tokens) {
    public Account {
      tokens = List.copyOf(tokens);
    }
  }

  /** A signed-in user. */
  public record User(String name, Role role) {}

  private final Path file;
  private volatile Map<String, Account> accounts;
  private volatile String stamp = "";

  /** The PBKDF2 cost of accounts this instance creates (each account keeps the cost it was created with). */
  private final int iterations;

  private Users(Path file, Map<String, Account> accounts, int iterations) {
    this.iterations = iterations;
    this.file = file;
    this.accounts = accounts;
    this.stamp = stamp(file);
  }

  /** The file's modification time and size: changes when another process saves it. */
  private static String stamp(Path file) {
    try {
      return Files.exists(file) ? Files.getLastModifiedTime(file).toMillis() + ":" + Files.size(file) : "";
    } catch (IOException e) {
      return "";
    }
  }

  /** Rereads the file when another process (the CLI) changed it. */
  private void refresh() {
    if (!stamp(file).equals(stamp)) {
      synchronized (this) {
        Users fresh = open(file);
        accounts = fresh.accounts;
        stamp = fresh.stamp;
      }
    }
  }

  /** Reads the accounts file (none yet: no accounts); new accounts get {@link #ITERATIONS}. */
  public static Users open(Path file) {
    return open(file, ITERATIONS);
  }

  /** Reads the accounts file; new accounts get this PBKDF2 cost (a setting: tests use a low one). */
  public static Users open(Path file, int iterations) {
    if (iterations < 1) {
      throw new IllegalArgumentException("the password-hash cost must be at least 1 iteration");
    }
    try {
      Map<String, Account> accounts = Files.exists(file)
          ? JSON.readValue(file.toFile(), new TypeReference<TreeMap<String, Account>>() {}) : new TreeMap<>();
      return new Users(file, accounts, iterations);
    } catch (IOException e) {
      throw new AuditException("cannot read the accounts file " + file + ": " + e.getMessage(), e);
    }
  }

  /** Adds an account, or changes its role and password. */
  public synchronized void add(String name, Role role, char[] password) {
    if (!NAME.matcher(name).matches()) {
      throw new BadInput("user name '" + name + "' must be lower-case letters, digits, '.', '_' or '-'"
          + " (32 at most)");
    }
    if (password.length < 8) {
      throw new BadInput("a password needs at least 8 characters");
    }
    byte[] salt = new byte[16];
    RANDOM.nextBytes(salt);
    Account old = accounts.get(name);
    Account a = new Account(name, role, HexFormat.of().formatHex(salt), iterations, hash(password, salt, iterations),
        old == null ? List.of() : old.tokens());
    save(with(a));
  }

  /** Makes a new API token for an account; returns it (it is stored only as a hash). */
  public synchronized String token(String name) {
    Account a = account(name);
    byte[] raw = new byte[32];
    RANDOM.nextBytes(raw);
    String token = "ss_" + Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    List<String> tokens = new ArrayList<>(a.tokens());
    tokens.add(Sha256.hex(token));
    save(with(new Account(a.name(), a.role(), a.salt(), a.iterations(), a.hash(), tokens)));
    return token;
  }

  /** Removes an account and its tokens. */
  public synchronized void remove(String name) {
    account(name);
    Map<String, Account> copy = new TreeMap<>(accounts);
    copy.remove(name);
    save(copy);
  }

  /** Every account. */
  public List<Account> all() {
    return List.copyOf(accounts.values());
  }

  /** The user with this name and password (constant-time comparison), if they match. */
  public Optional<User> authenticate(String name, char[] password) {
    refresh();
    Account a = accounts.get(name);
    if (a == null) {
      hash(password, new byte[16], iterations); // the same work either way: no user-name oracle by timing
      return Optional.empty();
    }
    String h = hash(password, HexFormat.of().parseHex(a.salt()), a.iterations());
    return MessageDigest.isEqual(h.getBytes(StandardCharsets.UTF_8), a.hash().getBytes(StandardCharsets.UTF_8))
        ? Optional.of(new User(a.name(), a.role())) : Optional.empty();
  }

  /** The user an API token belongs to. */
  public Optional<User> byToken(String token) {
    refresh();
    String h = Sha256.hex(token);
    for (Account a : accounts.values()) {
      for (String t : a.tokens()) {
        if (MessageDigest.isEqual(t.getBytes(StandardCharsets.UTF_8), h.getBytes(StandardCharsets.UTF_8))) {
          return Optional.of(new User(a.name(), a.role()));
        }
      }
    }
    return Optional.empty();
  }

  private Account account(String name) {
    Account a = accounts.get(name);
    if (a == null) {
      throw new BadInput("no user '" + name + "' (add one with: synscope users add " + name
          + " --role auditor)");
    }
    return a;
  }

  private Map<String, Account> with(Account a) {
    Map<String, Account> copy = new TreeMap<>(accounts);
    copy.put(a.name(), a);
    return copy;
  }

  private void save(Map<String, Account> next) {
    try {
      // Password and token hashes: readable by the owner only, from the moment the file exists.
      AtomicFiles.writeOwnerOnly(file, JSON.writeValueAsBytes(next));
      accounts = next;
      stamp = stamp(file);
    } catch (IOException e) {
      throw new AuditException("cannot write the accounts file " + file + ": " + e.getMessage(), e);
    }
  }

  static String hash(char[] password, byte[] salt, int iterations) {
    try {
      PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, 256);
      return HexFormat.of().formatHex(SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("PBKDF2WithHmacSHA256 is missing from this JDK", e);
    }
  }
}
