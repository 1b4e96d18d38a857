// A tiny bot in JavaScript that fights a whole battle through `kessen sim`.
//
//   node examples/bot.js                  runs `kessen sim` itself
//   node examples/bot.js python -m kessen.cli.main sim      (any command that speaks it)
//
// It plays p1 (Naruto) against Kessen's heuristic player (Sasuke), always aiming an attack
// at the enemy when it has one.  At the end it asks for the battle's record and prints it
// on stdout, so `node examples/bot.js > battle.jsonl && kessen replay verify battle.jsonl`.
"use strict";
const { spawn } = require("node:child_process");
const readline = require("node:readline");

const [command, ...args] = process.argv.length > 2 ? process.argv.slice(2) : ["kessen", "sim"];
const sim = spawn(command, args, { stdio: ["pipe", "pipe", "inherit"] });
const send = (line) => sim.stdin.write(line + "\n");

readline.createInterface({ input: sim.stdout }).on("line", (line) => {
  const space = line.indexOf(" ");
  const kind = line.slice(0, space);
  const data = JSON.parse(line.slice(space + 1));
  if (kind === "kessen-sim") {
    if (data !== 1) throw new Error(`protocol version ${data}, this bot speaks 1`);
    send('start {"p1": "naruto", "p2": "sasuke", "seed": 7, "p2_player": "heuristic"}');
  } else if (kind === "request") {
    const choices = Object.values(data.legal).map((options) => {
      const attacks = options.filter((o) => (o.split(" ")[2] || "").startsWith("p2."));
      return attacks.length ? attacks[data.turn % attacks.length] : options[0];
    });
    send(`choose ${data.id} ${choices.join("; ")}`);
  } else if (kind === "error") {
    console.error(`bot: the simulator refused a line: ${data.message}`);
    process.exitCode = 1;
    send("quit");
  } else if (kind === "end") {
    console.error(`bot: ${data.winner ? data.side + " wins" : "draw"} (${data.reason}), ${data.turns} turns`);
    send("record");
  } else if (kind === "record") {
    console.log(line.slice(space + 1));
    if (data.end) send("quit");
  }
});
sim.on("error", (err) => {
  console.error(`bot: cannot run ${command}: ${err.message}`);
  process.exitCode = 1;
});
sim.on("exit", (code) => {
  if (code !== 0) process.exitCode = code || 1;
});
