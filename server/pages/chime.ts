/**
 * The board's chime, computed: two bell-like tones (a falling major third, "ding-dong"), each a
 * sine with a quieter octave overtone under an exponential decay, as a 16-bit mono WAV.
 * scripts/make-chime.ts writes it to server/pages/assets/chime.wav; a test checks the file is this.
 */
const SAMPLE_RATE = 22_050;
const TONES = [
  { hz: 880, start: 0, seconds: 0.9 },
  { hz: 698.46, start: 0.45, seconds: 1.1 },
] as const;

export function chimeSamples(): Int16Array {
  const length = Math.ceil(SAMPLE_RATE * Math.max(...TONES.map((tone) => tone.start + tone.seconds)));
  const mix = new Float64Array(length);
  for (const tone of TONES) {
    const from = Math.round(tone.start * SAMPLE_RATE);
    const count = Math.round(tone.seconds * SAMPLE_RATE);
    for (let i = 0; i < count && from + i < length; i++) {
      const time = i / SAMPLE_RATE;
      // A 5 ms attack so the tone starts without a click, then the bell's decay.
      const envelope = Math.min(1, time / 0.005) * Math.exp(-time * 4);
      const wave = Math.sin(2 * Math.PI * tone.hz * time) + 0.3 * Math.sin(4 * Math.PI * tone.hz * time);
      mix[from + i]! += 0.4 * envelope * wave;
    }
  }
  return Int16Array.from(mix, (value) => Math.round(Math.max(-1, Math.min(1, value)) * 32_767));
}

export function chimeWav(): Uint8Array {
  const samples = chimeSamples();
  const dataBytes = samples.length * 2;
  const view = new DataView(new ArrayBuffer(44 + dataBytes));
  const ascii = (offset: number, text: string) => [...text].forEach((c, i) => view.setUint8(offset + i, c.charCodeAt(0)));
  ascii(0, 'RIFF');
  view.setUint32(4, 36 + dataBytes, true);
  ascii(8, 'WAVE');
  ascii(12, 'fmt ');
  view.setUint32(16, 16, true);
  view.setUint16(20, 1, true); // PCM
  view.setUint16(22, 1, true); // mono
  view.setUint32(24, SAMPLE_RATE, true);
  view.setUint32(28, SAMPLE_RATE * 2, true);
  view.setUint16(32, 2, true);
  view.setUint16(34, 16, true);
  ascii(36, 'data');
  view.setUint32(40, dataBytes, true);
  samples.forEach((sample, i) => view.setInt16(44 + i * 2, sample, true));
  return new Uint8Array(view.buffer);
}
