// Bench module: the context reader on a generated 320,000-character context (figures in
// bench/ui-reader.ts).
export default {
  name: 'ui',
  async run(ctx) {
    const mod = await ctx.loadTs('bench/ui-reader.ts');
    await mod.runUiBench(ctx);
  },
};
