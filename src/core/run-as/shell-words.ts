// Compose's string form of `command`/`entrypoint` is split into words as a POSIX shell would split
// them (quotes and backslashes), without running a shell and without expanding anything.

export type Words = {ok: true; words: string[]} | {ok: false; error: string};

export function shellWords(text: string): Words {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === "'") {
      const end = text.indexOf("'", i + 1);
      if (end < 0) return {ok: false, error: `unterminated ' quote at character ${i + 1}`};
      word += text.slice(i + 1, end);
      inWord = true;
      i = end;
    } else if (c === '"') {
      let j = i + 1;
      for (; j < text.length && text[j] !== '"'; j++) {
        // Inside double quotes a backslash escapes only $ ` " \ and a newline.
        if (text[j] === '\\' && j + 1 < text.length && '$`"\\\n'.includes(text[j + 1]!)) {
          if (text[j + 1] !== '\n') word += text[j + 1];
          j++;
        } else word += text[j];
      }
      if (j >= text.length) return {ok: false, error: `unterminated " quote at character ${i + 1}`};
      inWord = true;
      i = j;
    } else if (c === '\\') {
      if (i + 1 < text.length && text[i + 1] !== '\n') {
        word += text[i + 1];
        inWord = true;
      }
      i++;
    } else if (/\s/.test(c)) {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
    } else {
      word += c;
      inWord = true;
    }
  }
  if (inWord) words.push(word);
  return {ok: true, words};
}

/** Words joined back into one shell command line, each quoted where it needs it. */
export function shellJoin(words: string[]): string {
  return words.map(w => (/^[\w@%+=:,./-]+$/.test(w) ? w : `'${w.replace(/'/g, `'\\''`)}'`)).join(' ');
}
