// Bench module: the whole play screen in-process on a 320,000-character context (figures in
// bench/play-screen-app.ts).
export default {
  name: 'play-screen',
  async run(ctx) {
    const mod = await ctx.loadTs('bench/play-screen-app.ts');
    await mod.runPlayScreenBench(ctx);
  },
};
