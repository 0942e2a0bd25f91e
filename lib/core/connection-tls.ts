/**
 * How a client verifies the TLS connection to a managed database or cache: the one part of
 * the application contract that differs in kind between clouds, said here once so each
 * cloud's adapter states its own truth and the environment spells it the same everywhere.
 */

/**
 * What the client checks of the server's certificate, named as MySQL clients name their
 * `--ssl-mode` (`sslmode`/`ssl-mode` in most drivers); a Redis client maps it onto its own
 * switches (certificate check on; host-name check on or off).
 * ref: https://dev.mysql.com/doc/refman/8.4/en/connection-options.html#option_general_ssl-mode
 */
export enum TlsVerifyMode {
  /** Encrypted, the chain checked against the CA, and the certificate must name the host connected to. */
  VERIFY_IDENTITY = "VERIFY_IDENTITY",
  /**
   * Encrypted and the chain checked against the CA; the host name is not compared, because
   * the contract's host is an address the certificate does not name (Tencent Cloud's private IPs).
   */
  VERIFY_CA = "VERIFY_CA",
}

/** Where the CA that signs the server's certificate comes from. */
export class TlsTrust {
  /** The operating system's trust store (the server's certificate chains to a public root). */
  public static systemTrustStore(): TlsTrust {
    return new TlsTrust("system");
  }

  /** A CA bundle (PEM) published at a fixed HTTPS address, to fetch when the image is built. */
  public static bundleUrl(url: string): TlsTrust {
    return new TlsTrust(url);
  }

  /**
   * A download link the cloud returns for this instance (known after deploy), to fetch once
   * and keep in the image (on Tencent Cloud a zip whose `.pem` is the CA).
   */
  public static instanceDownloadUrl(url: string): TlsTrust {
    return new TlsTrust(url);
  }

  /**
   * No address an application can fetch: the CA is downloaded from the cloud's console (the
   * contract, docs/application-contract.md, names the page and the file) and carried in the image.
   */
  public static cloudConsole(): TlsTrust {
    return new TlsTrust("console");
  }

  private constructor(
    /** The contract's value: `system`, `console`, or the URL to fetch. */
    public readonly environmentValue: string,
  ) {}
}

/** What a client needs to connect with TLS verified. */
export interface ConnectionTls {
  /** How much of the server's certificate the client checks (`DB_TLS_MODE`, `CACHE_TLS_MODE`). */
  readonly mode: TlsVerifyMode;
  /** The CA the client trusts for it (`DB_TLS_CA`, `CACHE_TLS_CA`). */
  readonly trust: TlsTrust;
}
