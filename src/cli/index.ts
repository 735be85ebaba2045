console.log('yeban');
