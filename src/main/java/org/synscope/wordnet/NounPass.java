package org.synscope.wordnet;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicReference;
import net.sf.extjwnl.JWNLException;
import net.sf.extjwnl.data.POS;
import net.sf.extjwnl.data.Synset;
import net.sf.extjwnl.dictionary.AbstractCachingDictionary;
import net.sf.extjwnl.dictionary.Dictionary;

/**
 * One pass over every noun synset of a dictionary, in offset order. Parsing the data file needs the
 * dictionary lock and takes about as long as converting what it parses, so this thread parses, one
 * synset per hold of the lock, while a second thread converts.
 */
final class NounPass {
  /** Ends the queue of parsed synsets. */
  private static final Object END = new Object();

  /** Converts one parsed synset. */
  interface Conversion {
    NounSynset convert(Synset s) throws JWNLException;
  }

  /** A pass over a whole WordNet file whose every element is read once and kept by the caller. */
  interface Pass {
    void run() throws JWNLException;
  }

  private NounPass() {}

  /** Every noun synset of the dictionary, converted, in offset order. */
  static List<NounSynset> read(Dictionary dictionary, Conversion conversion) throws JWNLException {
    BlockingQueue<Object> parsed = new ArrayBlockingQueue<>(4096);
    List<NounSynset> read = new ArrayList<>(100_000);
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Thread converter = Thread.ofPlatform().daemon().name("synscope-wordnet").start(() -> {
      try {
        for (Object next = parsed.take(); next != END; next = parsed.take()) {
          if (failure.get() == null) {
            try {
              read.add(conversion.convert((Synset) next));
            } catch (JWNLException | RuntimeException | Error e) {
              failure.set(e); // keep taking, so the pass is never left waiting
            }
          }
        }
      } catch (InterruptedException e) {
        failure.compareAndSet(null, e);
      }
    });
    try {
      parse(dictionary, parsed);
      converter.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      converter.interrupt();
      throw new IllegalStateException("interrupted while reading the nouns", e);
    } catch (JWNLException | RuntimeException | Error e) {
      converter.interrupt();
      throw e;
    }
    Throwable failed = failure.get();
    if (failed instanceof JWNLException e) {
      throw e;
    }
    if (failed instanceof RuntimeException e) {
      throw e;
    }
    if (failed instanceof Error e) {
      throw e;
    }
    if (failed != null) {
      throw new IllegalStateException("cannot read the nouns", failed);
    }
    return read;
  }

  /** Parses every noun synset into {@code parsed}, then {@link #END}; the lock is taken per synset. */
  private static void parse(Dictionary dictionary, BlockingQueue<Object> parsed)
      throws JWNLException, InterruptedException {
    Iterator<Synset> it;
    boolean caching;
    synchronized (dictionary) {
      it = dictionary.getSynsetIterator(POS.NOUN);
      caching = setCaching(dictionary, false);
    }
    try {
      while (true) {
        Synset next;
        synchronized (dictionary) {
          if (!it.hasNext()) {
            break;
          }
          next = it.next();
        }
        parsed.put(next);
      }
    } finally {
      synchronized (dictionary) {
        setCaching(dictionary, caching);
      }
      parsed.put(END);
    }
  }

  /**
   * Runs a pass with extJWNL's own cache off: caching every element of a file in its bounded LRU
   * cache costs a third of the pass and evicts what it held. Callers hold the dictionary lock.
   */
  static void withoutCache(Dictionary dictionary, Pass pass) throws JWNLException {
    boolean caching = setCaching(dictionary, false);
    try {
      pass.run();
    } finally {
      setCaching(dictionary, caching);
    }
  }

  /** Turns extJWNL's cache on or off and says whether it was on; callers hold the dictionary lock. */
  private static boolean setCaching(Dictionary dictionary, boolean on) {
    if (!(dictionary instanceof AbstractCachingDictionary caching)) {
      return false;
    }
    boolean was = caching.isCachingEnabled();
    caching.setCachingEnabled(on);
    return was;
  }
}
