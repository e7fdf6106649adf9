package org.loyaltyrules.rules;

import com.google.common.hash.Hasher;
import com.google.common.hash.Hashing;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;

/**
 * Where every outcome of chance comes from: one number taken from the host's random source,
 * mixed with stable ids by SHA-256, so an outcome depends only on that number and the ids and an
 * auditor can recompute it from the recorded number. Exact: integers and decimals, never binary
 * fractions. Stateless.
 *
 * <p>The value of a seed and parts is the first eight bytes of the SHA-256 digest of: the seed
 * as eight bytes, least significant first; then for each part, the length of its UTF-8 form as
 * four bytes, least significant first, and that form. The eight bytes are read least
 * significant first as an unsigned number from 0 to 2<sup>64</sup> - 1.
 */
final class Chance {
  /** 2<sup>64</sup>: the number of values. */
  static final BigInteger VALUES = BigInteger.ONE.shiftLeft(64);

  private Chance() {}

  /** Returns the value of a seed and parts, as the bits of an unsigned 64-bit number. */
  static long value(long seed, String... parts) {
    Hasher hasher = Hashing.sha256().newHasher().putLong(seed);
    for (String part : parts) {
      byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
      hasher.putInt(bytes.length).putBytes(bytes);
    }
    return hasher.hash().asLong();
  }

  /** Returns the unsigned value of 64 bits. */
  static BigInteger unsigned(long value) {
    return new BigInteger(Long.toUnsignedString(value));
  }

  /**
   * Returns the number of values below which a value falls with the given probability, from 0
   * to 2<sup>64</sup>: the probability times 2<sup>64</sup>, rounded up. A value falls below it
   * with a probability that differs from the given one by less than 2<sup>-64</sup>.
   */
  static BigInteger threshold(BigDecimal probability) {
    return new BigDecimal(VALUES).multiply(probability).setScale(0, RoundingMode.CEILING)
        .toBigIntegerExact();
  }

  /** Returns a value as a fraction of 2<sup>64</sup>, to eight decimal places, for traces. */
  static String fraction(long value) {
    return new BigDecimal(unsigned(value)).divide(new BigDecimal(VALUES), 8, RoundingMode.FLOOR)
        .toPlainString();
  }
}
